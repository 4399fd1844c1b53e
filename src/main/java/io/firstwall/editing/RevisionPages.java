package io.firstwall.editing;

import org.springframework.ui.Model;

/** The history, diff and refused-publish pages, the same for rules and facts; {@code section} says whose (rules, facts). */
final class RevisionPages {

    private RevisionPages() {
    }

    /** Every revision with the audit log, or, given a file, the revisions that changed it. */
    static String history(Editor<?> editor, String section, String file, Model model) {
        model.addAttribute("section", section);
        if (file != null) {
            model.addAttribute("file", file);
            model.addAttribute("changes", editor.history(file));
            return "editing/file-history";
        }
        model.addAttribute("revisions", editor.revisions());
        model.addAttribute("audit", editor.auditLog());
        return "editing/history";
    }

    /** The edit page again after a refused publish: the text as submitted, why, and what changed meanwhile. */
    static String refused(RefusedException e, String file, String text, String baseVersion, Model model, String view) {
        model.addAttribute("file", file);
        model.addAttribute("text", text);
        model.addAttribute("baseVersion", baseVersion);
        model.addAttribute("error", e.getMessage());
        model.addAttribute("validation", e.validation());
        model.addAttribute("conflict", e.conflict());
        return view;
    }

    static String diff(Editor<?> editor, String section, long from, long to, Model model) {
        model.addAttribute("section", section);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("diff", editor.diff(from, to));
        return "editing/diff";
    }
}
