import re

from odoo.tests import TransactionCase, tagged

# Latin-letter words that Greek screens show on purpose: file formats, the
# product's name, and acronyms Greek administration writes in Latin letters
# (MIS code of ΟΠΣ, ISCED levels, API, SMS).
ALLOWED = {"pdf", "xlsx", "xls", "csv", "eur", "odoo", "mis", "isced", "api", "sms"}
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def english_words(text):
    return [word for word in LATIN_WORD.findall(text or "") if word.lower() not in ALLOWED]


@tagged("post_install", "-at_install", "kentro")
class TestGreekNames(TransactionCase):
    """The names Odoo shows from the database for Kentro's models (in the
    chatter's "<model> created", the breadcrumbs, filters, exports) read in
    Greek: every model's description, and the strings and options of every
    field of its models."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.greek = cls.env(context={"lang": "el_GR"})

    def test_every_kentro_model_name_is_greek(self):
        models = self.greek["ir.model"].search([("model", "=like", "kentro.%")])
        self.assertTrue(models)
        english = {model.model: model.name for model in models if english_words(model.name)}
        self.assertFalse(english, "Kentro models without a Greek name")

    def test_every_kentro_field_string_and_option_is_greek(self):
        # Those Kentro defines and those its models inherit from Odoo's
        # mixins (activities, SMS), whose Greek Kentro ships.
        fields = self.greek["ir.model.fields"].search([("model", "=like", "kentro.%")])
        self.assertTrue(fields)
        english = {
            f"{field.model}.{field.name}": field.field_description
            for field in fields
            if english_words(field.field_description)
        }
        self.assertFalse(english, "Kentro field strings without Greek")
        options = self.greek["ir.model.fields.selection"].search(
            [("field_id.model", "=like", "kentro.%")]
        )
        self.assertTrue(options)
        english = {
            f"{option.field_id.model}.{option.field_id.name}={option.value}": option.name
            for option in options
            if english_words(option.name)
        }
        self.assertFalse(english, "Kentro options without Greek")

    def test_the_check_sees_english(self):
        self.assertEqual(
            english_words("Community Centre structure δημιουργήθηκε"),
            ["Community", "Centre", "structure"],
        )
        self.assertEqual(english_words("Υπολογιστικό φύλλο (XLSX)"), [])
