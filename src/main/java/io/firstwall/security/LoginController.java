package io.firstwall.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; it lists the demo accounts when they are configured. */
@Controller
class LoginController implements io.firstwall.system.PageController {

    private final SecurityProperties properties;

    LoginController(SecurityProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(org.springframework.ui.Model model) {
        model.addAttribute("demoUsers", properties.users().stream()
                .filter(u -> SecurityConfiguration.DEMO_PASSWORDS.contains(u.password())).toList());
        return "login";
    }
}
