package io.firstwall.editing;

import org.springframework.ui.Model;

import io.firstwall.system.NotFoundException;

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

    /** The review of a revert: what it changes, checked like any publish, with the message it needs. */
    static String revertReview(Editor<?> editor, String section, long id, Model model) {
        if (editor.revisions().stream().noneMatch(r -> r.id() == id)) {
            throw new NotFoundException("There is no revision " + id + ".");
        }
        model.addAttribute("section", section);
        model.addAttribute("revision", id);
        model.addAttribute("baseVersion", editor.liveVersion());
        model.addAttribute("validation", editor.reviewRevert(id));
        return "editing/revert";
    }

    /** The review again, with why the revert was refused. */
    static String revertRefused(Editor<?> editor, String section, long id, RefusedException e, Model model) {
        String view = revertReview(editor, section, id, model);
        model.addAttribute("error", e.getMessage());
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
