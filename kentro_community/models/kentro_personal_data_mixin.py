from odoo import api, models
from odoo.osv import expression
from odoo.tools import format_date, format_datetime, html2plaintext

from ..tools import dates

# What a required text field becomes when it is erased (it cannot be empty).
ERASED = "—"


class KentroPersonalDataMixin(models.AbstractModel):
    """The one place that says where a person's data is kept. The right of
    access (GDPR art. 15) exports it and erasure (art. 17) erases it, both
    from this declaration; each addon adds its own models to it."""

    _name = "kentro.personal.data.mixin"
    _description = "Personal data of a person"

    @api.model
    def _kentro_personal_data(self):
        """{model: spec} of every model that keeps data about a person.

        An addon extends it with ``super()`` plus its own entries (or adds
        fields to an entry of the core). A test fails when a stored model with
        a relational field to a file or a household is declared nowhere.

        spec keys:

        - ``link``: the fields (or paths) that point from the model at the
          person; a record is the person's when one of them does. For
          ``kentro.beneficiary`` itself: ``id``.
        - ``export``: the fields printed in the right-of-access report.
        - ``erase``: ``"delete"`` (the records go), ``"blank"`` (the
          ``blank`` fields are emptied, the records stay for the statistics)
          or ``"keep"`` (nothing is erased: the record is shared with other
          people, e.g. a household or a group session, or is the access log;
          the person's link to it points at the anonymised file).
          Documents and messages of the person's records go with them, except
          for ``keep`` records.
        - ``blank``: the fields emptied when ``erase`` is ``"blank"``.
        - ``confidential``: only the records the user running the export may
          read are printed; the others are counted (case notes of another
          profession's discipline).
        """
        return {
            "kentro.beneficiary": {
                "link": ["id"],
                "export": [
                    "last_name",
                    "first_name",
                    "father_name",
                    "mother_name",
                    "birthdate",
                    "gender",
                    "amka",
                    "afm",
                    "id_document_type",
                    "id_document_number",
                    "id_document_expiry",
                    "nationality_id",
                    "lang",
                    "registration_date",
                    "centre_id",
                    "state",
                    "household_id",
                    "household_relationship",
                    "employment_status",
                    "dypa_registration_date",
                    "education_level",
                    "disability",
                    "disability_percentage",
                    "vulnerability_ids",
                    "first_contact_date",
                    "intake_channel",
                    "referring_agency_id",
                    "intake_need_ids",
                    "presenting_request",
                    "social_history",
                    "assessed_needs",
                ],
                "erase": "blank",
                "blank": [
                    "father_name",
                    "mother_name",
                    "amka",
                    "afm",
                    "id_document_type",
                    "id_document_number",
                    "id_document_expiry",
                    "intake_channel",
                    "referring_agency_id",
                    "intake_need_ids",
                    "presenting_request",
                    "social_history",
                    "assessed_needs",
                ],
            },
            "res.partner": {
                "link": ["kentro_beneficiary_ids"],
                "export": ["street", "street2", "zip", "city", "phone", "mobile", "email", "vat"],
                "erase": "blank",
                "blank": [
                    "street",
                    "street2",
                    "city",
                    "zip",
                    "phone",
                    "mobile",
                    "email",
                    "vat",
                    "comment",
                ],
            },
            "kentro.household": {
                "link": ["member_ids", "head_id"],
                "export": ["name", "size", "single_parent", "annual_income"],
                "erase": "keep",
            },
            "kentro.consent": {
                "link": ["beneficiary_id"],
                "export": [
                    "purpose",
                    "date",
                    "valid_until",
                    "agency_id",
                    "agency_category_id",
                    "state",
                    "recorded_by_id",
                ],
                "erase": "blank",
                "blank": ["attachment_id"],
            },
            "kentro.service": {
                "link": ["beneficiary_id"],
                "export": [
                    "date",
                    "service_type_id",
                    "programme_id",
                    "need_id",
                    "centre_id",
                    "user_id",
                    "duration",
                    "notes",
                ],
                "erase": "blank",
                "blank": ["notes", "need_id"],
            },
            "kentro.application": {
                "link": ["beneficiary_id"],
                "export": [
                    "programme_id",
                    "state",
                    "submission_date",
                    "decision_date",
                    "renewal_date",
                    "user_id",
                    "notes",
                ],
                "erase": "blank",
                "blank": ["notes"],
            },
            "kentro.application.document": {
                "link": ["application_id.beneficiary_id", "member_id"],
                "export": ["application_id", "document_type_id", "member_id", "state"],
                "erase": "blank",
                "blank": ["attachment_id"],
            },
            "kentro.referral": {
                "link": ["beneficiary_id"],
                "export": [
                    "agency_id",
                    "programme_id",
                    "urgency",
                    "state",
                    "sent_date",
                    "answer_date",
                    "close_date",
                    "reason",
                    "outcome",
                    "notes",
                ],
                "erase": "blank",
                "blank": ["reason", "notes", "outcome"],
            },
            "kentro.case.note": {
                "link": ["beneficiary_id"],
                "export": ["date", "author_id", "level", "role_id", "body"],
                "erase": "delete",
                "confidential": True,
            },
            # Kept on erasure: the operation's participant data must stay for its
            # audit (Reg. 2021/1060, art. 82); the record holds no name and points
            # at the anonymised file.
            "kentro.esf.participant": {
                "link": ["beneficiary_id"],
                "export": [
                    "operation_id",
                    "entry_date",
                    "gender",
                    "age",
                    "employment",
                    "education",
                    "third_country",
                    "disability",
                    "foreign_background",
                    "minority",
                    "homeless",
                    "rural",
                    "household_situation",
                    "state",
                    "exit_date",
                    "exit_reason",
                    "result_job_searching",
                    "result_education",
                    "result_qualification",
                    "result_employed",
                    "results_date",
                    "follow_up_date",
                    "follow_up_employed",
                    "follow_up_improved",
                ],
                "erase": "keep",
            },
            "kentro.need.assessment": {
                "link": ["beneficiary_id"],
                "export": ["date", "need_id", "severity", "user_id", "notes"],
                "erase": "blank",
                "blank": ["notes"],
            },
            "kentro.support.plan": {
                "link": ["beneficiary_id"],
                "export": [
                    "episode",
                    "state",
                    "start_date",
                    "user_id",
                    "summary",
                    "next_review_date",
                    "close_date",
                    "close_reason",
                ],
                "erase": "blank",
                "blank": ["summary", "close_reason"],
            },
            "kentro.support.goal": {
                "link": ["beneficiary_id"],
                "export": ["plan_id", "name", "need_id", "outcome", "outcome_note"],
                "erase": "blank",
                "blank": ["name", "outcome_note"],
            },
            "kentro.support.action": {
                "link": ["beneficiary_id"],
                "export": ["plan_id", "goal_id", "name", "kind", "user_id", "due_date", "state"],
                "erase": "blank",
                "blank": ["name"],
            },
            "kentro.support.review": {
                "link": ["beneficiary_id"],
                "export": ["plan_id", "scheduled_date", "date", "user_id", "state", "summary"],
                "erase": "blank",
                "blank": ["summary"],
            },
            "kentro.support.review.line": {
                "link": ["review_id.beneficiary_id"],
                "export": ["review_id", "goal_id", "progress", "note"],
                "erase": "blank",
                "blank": ["note"],
            },
            "kentro.protocol.entry": {
                "link": ["beneficiary_id"],
                "export": [
                    "name",
                    "date",
                    "direction",
                    "document_kind",
                    "subject",
                    "correspondent_id",
                    "correspondent",
                    "proposal",
                    "certificate_kind",
                    "period_from",
                    "period_to",
                    "certificate_note",
                ],
                "erase": "blank",
                "blank": ["subject", "correspondent", "proposal", "certificate_note"],
            },
            "kentro.job.seeker": {
                "link": ["beneficiary_id"],
                "export": ["skill_ids", "area", "user_id", "cv_filename", "notes"],
                "erase": "blank",
                "blank": ["notes", "cv", "cv_filename"],
            },
            "kentro.job.placement": {
                "link": ["beneficiary_id"],
                "export": [
                    "offer_id",
                    "employer_id",
                    "state",
                    "proposal_date",
                    "interview_date",
                    "outcome_date",
                    "outcome",
                ],
                "erase": "blank",
                "blank": ["outcome"],
            },
            "kentro.goods.distribution": {
                "link": ["beneficiary_id"],
                "export": ["date", "line_ids", "user_id", "state", "notes"],
                "erase": "blank",
                "blank": ["notes"],
            },
            "kentro.group.session": {
                "link": ["attendee_ids"],
                "export": ["activity_id", "date", "state"],
                "erase": "keep",
            },
            "calendar.event": {
                "link": ["kentro_beneficiary_id"],
                "export": [
                    "start",
                    "stop",
                    "kentro_service_type_id",
                    "kentro_centre_id",
                    "user_id",
                ],
                "erase": "blank",
                "blank": ["description"],
            },
            # The access log is the person's too (who read the file), and it
            # is never changed: not even erasure blanks it.
            "kentro.audit.log": {
                "link": ["beneficiary_id"],
                "export": ["date", "user_id", "action"],
                "erase": "keep",
            },
        }

    def _kentro_personal_records(self, spec_by_model=None):
        """{model: records} of the declared models that are these people's,
        read as superuser: the callers check who may export or erase."""
        spec_by_model = spec_by_model or self._kentro_personal_data()
        result = {}
        for model, spec in spec_by_model.items():
            # sudo: the search only finds these people's records; the callers
            # (a head's export or erasure, the retention job) are the check.
            Model = self.env[model].sudo().with_context(active_test=False)
            if spec["link"] == ["id"]:
                result[model] = Model.browse(self.ids)
                continue
            domain = ["|"] * (len(spec["link"]) - 1)
            domain += [(path, "in", self.ids) for path in spec["link"]]
            result[model] = Model.search(domain)
        return result

    def _kentro_personal_sections(self):
        """The right-of-access report: one section per declared model, each
        record as (label, value) rows in the language of the context."""
        self.ensure_one()
        spec_by_model = self._kentro_personal_data()
        records = self._kentro_personal_records(spec_by_model)
        Model = self.env["ir.model"]
        sections = []
        for model, spec in spec_by_model.items():
            found = records[model]
            withheld = 0
            if spec.get("confidential"):
                readable = found.with_env(self.env)._filtered_access("read")
                withheld = len(found) - len(readable)
                found = found.browse(readable.ids)
            # sudo: the labels of the declared fields, whatever their groups.
            fields_info = self.env[model].sudo().fields_get(spec["export"], ["string"])
            labels = {name: info["string"] for name, info in fields_info.items()}
            sections.append(
                {
                    "title": Model._get(model).with_context(lang=self.env.lang).name,
                    "records": [
                        [
                            (labels[name], value)
                            for name in spec["export"]
                            if (value := self._kentro_export_value(record, name)) is not None
                        ]
                        for record in found
                    ],
                    "withheld": withheld
                    and self.env._(
                        "%(count)s more records of this kind are held that you may not read: "
                        "they are confidential to another profession. A professional of that "
                        "profession adds them to the person's copy.",
                        count=withheld,
                    ),
                }
            )
        return sections

    def _kentro_export_value(self, record, name):
        """A field's value as the person reads it, None when empty."""
        field = record._fields[name]
        value = record[name]
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if not value:
            return None
        if field.type == "many2one":
            return value.display_name
        if field.type in ("one2many", "many2many"):
            return ", ".join(value.mapped("display_name"))
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        if field.type == "date":
            return format_date(self.env, value)
        if field.type == "datetime":
            return format_datetime(self.env, value, tz=dates.GREEK_TZ)
        if field.type == "html":
            return html2plaintext(value)
        if field.type == "binary":
            return self.env._("In the documents of this copy")
        return str(value)

    def _kentro_personal_attachments(self, records=None):
        """The documents of these people and of their own records (not of the
        records they share with others), binary fields included."""
        spec_by_model = self._kentro_personal_data()
        records = records or self._kentro_personal_records(spec_by_model)
        domain = expression.OR(
            [("res_model", "=", model), ("res_id", "in", found.ids)]
            for model, found in records.items()
            if spec_by_model[model]["erase"] != "keep" and found
        )
        if domain == expression.FALSE_DOMAIN:
            return self.env["ir.attachment"]
        # sudo: only the attachments of these people's own records; a
        # binary field's attachment (res_field) is the person's too (a CV).
        return (
            self.env["ir.attachment"]
            .sudo()
            .search(
                expression.AND(
                    [domain, ["|", ("res_field", "=", False), ("res_field", "!=", False)]]
                )
            )
        )
