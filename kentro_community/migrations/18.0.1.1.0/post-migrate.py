"""18.0.1.1.0: every file gains the sound of its name (phonetic_key, for
greeklish search) and its search key loses the Latin form the sound now
answers for. Both are computed for the files written before, in batches, so
that a municipality's existing files are found by greeklish too."""

from odoo import SUPERUSER_ID, api

BATCH = 5000


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Beneficiary = env["kentro.beneficiary"].with_context(active_test=False)
    names = ["search_key", "phonetic_key"]
    ids = Beneficiary.search([]).ids
    for start in range(0, len(ids), BATCH):
        batch = Beneficiary.browse(ids[start : start + BATCH])
        for name in names:
            env.add_to_compute(Beneficiary._fields[name], batch)
        Beneficiary.flush_model(names)
        env.invalidate_all()
