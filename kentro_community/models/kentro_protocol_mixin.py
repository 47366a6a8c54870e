from odoo import fields, models

from ..tools import groups


class KentroProtocolMixin(models.AbstractModel):
    """A record whose printed document leaves with a protocol number: the
    first print registers it in the municipality's register, every reprint
    shows the same entry, its number and its date."""

    _name = "kentro.protocol.mixin"
    _description = "Document numbered in the protocol register"

    protocol_entry_id = fields.Many2one(
        "kentro.protocol.entry",
        string="Protocol number",
        readonly=True,
        copy=False,
        index=True,
        groups=groups.PROFESSIONAL,
    )

    def _kentro_protocol_subject(self, kind):
        """The register's subject line for this record's document."""
        self.ensure_one()
        kinds = self.env["kentro.protocol.entry"]._fields["document_kind"]
        return dict(kinds._description_selection(self.env))[kind]

    def _kentro_protocol_values(self, kind):
        """The entry's other values (the beneficiary, the recipient)."""
        return {}

    def _kentro_protocol_number(self, kind):
        """The entry of each record's document of ``kind``: registered at the
        first print, the same one at every reprint."""
        Entry = self.env["kentro.protocol.entry"]
        entries = Entry
        for record in self:
            if not record.protocol_entry_id:
                values = record._kentro_protocol_values(kind)
                entry = Entry._kentro_register(
                    kind, record._kentro_protocol_subject(kind), document=record, **values
                )
                # sudo: only the link to the entry just registered is written;
                # whoever may print the document numbers it, without the
                # right to change the record itself.
                record.sudo().protocol_entry_id = entry
            entries |= record.protocol_entry_id
        return entries
