import { user } from "@web/core/user";

// The Greek check shared by Kentro's tours: put `greekCheck("what screen")`
// after each screen of a journey. The step fails the tour when the text the
// user sees (document.body.innerText: the page and any open dialog, menu or
// notification; and the placeholders of empty fields; not the values typed in
// inputs, which are the user's data) holds an English word, i.e. a run of 3
// or more Latin letters, once these are set aside:
// - e-mail addresses and web addresses (data, not wording);
// - the words of ALLOWED_WORDS below;
// - the words a tour passes in `allow` (the Latin data its own records hold,
//   e.g. a test user's name or an e-mail server's name).
// Codes of 1-2 Latin letters (KK-T, ID) are not words and pass.
// The tour's user must have Greek as their language (a tour run in English
// would fail on every screen, and say why).
// Each word here appears on Greek screens on purpose:
// - "odoo": the product's name (browser title, "Powered by Odoo");
// - "pdf", "xlsx", "xls", "csv": file formats, written so in Greek too;
// - "eur": the currency's ISO code, shown by amounts in some lists.
export const ALLOWED_WORDS = ["odoo", "pdf", "xlsx", "xls", "csv", "eur"];

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const LATIN_WORD = /[A-Za-z\u00C0-\u024F]{3,}/g;

/**
 * The English words of `text`, without repetition, in order of appearance.
 *
 * @param {string} text
 * @param {string[]} [allow] words accepted besides ALLOWED_WORDS
 * @returns {string[]}
 */
export function englishWords(text, allow = []) {
    const allowed = new Set([...ALLOWED_WORDS, ...allow].map((word) => word.toLowerCase()));
    const prose = text.replace(EMAIL, " ").replace(URL, " ");
    const found = [];
    for (const word of prose.match(LATIN_WORD) || []) {
        if (!allowed.has(word.toLowerCase()) && !found.includes(word)) {
            found.push(word);
        }
    }
    return found;
}

/**
 * The placeholders the user sees: those of visible empty inputs and of empty
 * editable blocks (an empty field reads its placeholder; a filled one, the
 * user's data).
 *
 * @returns {string}
 */
export function visiblePlaceholders() {
    return [...document.querySelectorAll("[placeholder]")]
        .filter((element) => element.getClientRects().length)
        .filter((element) => !("value" in element ? element.value : element.textContent))
        .map((element) => element.getAttribute("placeholder"))
        .join("\n");
}

/**
 * Throws when the visible screen shows English words.
 *
 * @param {string} where the screen, named in the failure's message
 * @param {string[]} [allow] words accepted on this screen besides ALLOWED_WORDS
 */
export function assertScreenIsGreek(where, allow = []) {
    const lang = user.lang || "";
    if (!lang.startsWith("el")) {
        throw new Error(
            `Greek check on "${where}": the tour's user reads ${lang || "no language"}, ` +
                `not Greek; give the user lang "el_GR".`
        );
    }
    const words = englishWords(`${document.body.innerText}\n${visiblePlaceholders()}`, allow);
    if (words.length) {
        throw new Error(
            `Greek check on "${where}": English words on the screen: ${words.join(", ")}`
        );
    }
}

/**
 * A tour step failing the tour when the screen shows English words.
 *
 * @param {string} where the screen, named in the failure's message
 * @param {{allow?: string[]}} [options]
 */
export function greekCheck(where, { allow = [] } = {}) {
    return {
        content: `Greek check: ${where}`,
        trigger: "body",
        run() {
            assertScreenIsGreek(where, allow);
        },
    };
}
