from odoo import http
from odoo.http import content_disposition, request


class KentroSubjectAccess(http.Controller):
    # Not read-only: printing the right-of-access report writes its audit row.
    @http.route("/kentro/subject_access/<int:beneficiary_id>", type="http", auth="user")
    def subject_access(self, beneficiary_id):
        """The right-of-access ZIP, built for the head who asks for it: the
        session is the only key, there is no token and no stored copy."""
        person = request.env["kentro.beneficiary"].browse(beneficiary_id)
        name, content = person._subject_access_zip()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/zip"),
                ("Content-Disposition", content_disposition(name)),
                ("Cache-Control", "no-store"),
            ],
        )
