from flask import Blueprint

site_bp = Blueprint("public", __name__)


@site_bp.post("/contact")  # want "POST /contact has no auth decorator and no rejecting before_request hook; add auth to the route or to blueprint `public.site_bp` \\(line 3\\)"
def contact():
    return ""
