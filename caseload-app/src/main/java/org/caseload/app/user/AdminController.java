package org.caseload.app.user;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseload.app.audit.AuditService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: users, roles and location grants; the audit log with filters. ADMIN only (see SecurityConfiguration). */
@Controller
public class AdminController {
    private final UserService users;
    private final AuditService audit;

    public AdminController(UserService users, AuditService audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/admin/users")
    public String users(Model ui) {
        ui.addAttribute("active", "admin");
        ui.addAttribute("users", users.all());
        ui.addAttribute("roles", Role.values());
        return "admin-users";
    }

    @PostMapping("/admin/users")
    public String create(@RequestParam String username, @RequestParam String password, @RequestParam Role role,
                         @RequestParam(defaultValue = "") String locations, RedirectAttributes flash) {
        try {
            users.create(username.trim(), password, role, ids(locations));
            flash.addFlashAttribute("message", "Created " + username + ".");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}")
    public String update(@PathVariable long id, @RequestParam Role role, @RequestParam(defaultValue = "") String locations,
                         RedirectAttributes flash) {
        try {
            users.update(id, role, ids(locations));
            flash.addFlashAttribute("message", "Saved.");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/audit")
    public String audit(@RequestParam(required = false) String username, @RequestParam(required = false) String source,
                        @RequestParam(required = false) String metric, Model ui) {
        ui.addAttribute("active", "admin");
        ui.addAttribute("entries", audit.search(username, source, metric, 200));
        ui.addAttribute("username", username);
        ui.addAttribute("source", source);
        ui.addAttribute("metric", metric);
        return "admin-audit";
    }

    private static Set<String> ids(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
