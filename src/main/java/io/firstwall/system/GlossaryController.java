package io.firstwall.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The few words firstwall uses in a sense of its own, each with an anchor the pages link to. */
@Controller
class GlossaryController implements PageController {

    @GetMapping("/glossary")
    String glossary() {
        return "glossary";
    }
}
