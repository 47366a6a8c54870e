"""18.0.1.1.0: the search key of every file gains the sound of its name
(greeklish search). Stored keys written before are computed again, in
batches, so that a municipality's existing files are found by greeklish too."""

from odoo import SUPERUSER_ID, api

BATCH = 5000


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Beneficiary = env["kentro.beneficiary"].with_context(active_test=False)
    field = Beneficiary._fields["search_key"]
    ids = Beneficiary.search([]).ids
    for start in range(0, len(ids), BATCH):
        env.add_to_compute(field, Beneficiary.browse(ids[start : start + BATCH]))
        Beneficiary.flush_model(["search_key"])
        env.invalidate_all()
