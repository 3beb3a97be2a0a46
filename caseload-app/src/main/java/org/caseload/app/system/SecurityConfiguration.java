package org.caseload.app.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two chains: {@code /api/**} takes HTTP Basic (or the UI's session) and answers 401/403 as JSON;
 * everything else is the UI with form login and CSRF on every form. Only the login page and static
 * assets are public. Admin pages need ADMIN.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    public SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/docs/**", "/api/docs").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> json(res, 401,
                        "{\"error\":\"authentication required\",\"field\":null,\"hint\":\"send HTTP Basic credentials or sign in\"}")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> json(res, 401,
                                "{\"error\":\"authentication required\",\"field\":null,\"hint\":\"send HTTP Basic credentials or sign in\"}"))
                        .accessDeniedHandler((req, res, ex) -> json(res, 403,
                                "{\"error\":\"forbidden\",\"field\":null,\"hint\":\"your role does not allow this\"}")))
                // API clients authenticate per request; a browser's session (with its CSRF token) also works.
                // Without a session there is nothing a forged request could ride on, so CSRF is not checked
                // and an unauthenticated POST gets the 401 it deserves, not a 403 "your role does not allow this".
                .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null || r.getSession(false) == null))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain ui(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers("/webjars/**", "/assets/**", "/login", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/swagger-ui/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(Customizer.withDefaults());
        return http.build();
    }

    private static void json(HttpServletResponse res, int status, String body) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.getWriter().write(body);
    }
}
