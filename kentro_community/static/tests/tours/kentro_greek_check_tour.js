import { registry } from "@web/core/registry";
import {
    assertScreenIsGreek,
    englishWords,
    greekCheck,
} from "@kentro_community/../tests/tours/kentro_greek_check";

// The Greek check's own tours: it passes on a Greek screen, it fails on an
// English one (an injected line, and a real screen read by an English user).

const ENGLISH_LINE = "Planned Activities";

function injectEnglish() {
    const line = document.createElement("div");
    line.className = "o_kentro_english_line";
    line.textContent = ENGLISH_LINE;
    document.body.appendChild(line);
}

registry.category("web_tour.tours").add("kentro_greek_check_tour", {
    steps: () => [
        { trigger: ".o_list_view .o_view_nocontent" },
        greekCheck("list of beneficiaries"),
        { trigger: "body", run: injectEnglish },
        {
            trigger: ".o_kentro_english_line",
            run() {
                let message = "";
                try {
                    assertScreenIsGreek("injected line");
                } catch (error) {
                    message = error.message;
                }
                const expected = 'Greek check on "injected line": English words on the screen: Planned, Activities';
                if (message !== expected) {
                    throw new Error(`The check let an English line pass: "${message}"`);
                }
                document.querySelector(".o_kentro_english_line").remove();
            },
        },
        greekCheck("list of beneficiaries, line removed"),
        {
            // An empty field shows its placeholder: checked too.
            trigger: "body",
            run() {
                const input = document.createElement("input");
                input.className = "o_kentro_english_placeholder";
                input.placeholder = "Describe your meeting";
                document.body.appendChild(input);
                let message = "";
                try {
                    assertScreenIsGreek("injected placeholder");
                } catch (error) {
                    message = error.message;
                }
                if (!message.endsWith("English words on the screen: Describe, your, meeting")) {
                    throw new Error(`The check let an English placeholder pass: "${message}"`);
                }
                // Filled in, the field shows the user's data, not its placeholder.
                input.value = "Συνάντηση";
                assertScreenIsGreek("filled field");
                input.remove();
            },
        },
    ],
});

// Ends on a failing check: the Python test expects this tour to fail.
registry.category("web_tour.tours").add("kentro_greek_check_fails_tour", {
    steps: () => [
        { trigger: ".o_list_view .o_view_nocontent" },
        { trigger: "body", run: injectEnglish },
        { trigger: ".o_kentro_english_line" },
        greekCheck("injected English"),
    ],
});

// Run by a user reading English: the same screen is full of English words
// and the check refuses it.
registry.category("web_tour.tours").add("kentro_greek_check_english_user_tour", {
    steps: () => [
        { trigger: ".o_list_view .o_view_nocontent" },
        {
            trigger: "body",
            run() {
                const words = englishWords(document.body.innerText);
                if (!words.includes("Beneficiaries")) {
                    throw new Error(`English screen not seen as English: ${words.join(", ")}`);
                }
                let message = "";
                try {
                    assertScreenIsGreek("English user");
                } catch (error) {
                    message = error.message;
                }
                if (!message.includes("not Greek")) {
                    throw new Error(`The check let an English user pass: "${message}"`);
                }
            },
        },
    ],
});
