package org.caseload.app.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, which in demo mode says so and shows the demo credentials. */
@Controller
public class LoginController {
    private final CaseloadProperties props;

    public LoginController(CaseloadProperties props) {
        this.props = props;
    }

    @GetMapping("/login")
    public String login(Model ui) {
        ui.addAttribute("demo", props.demo());
        return "login";
    }
}
