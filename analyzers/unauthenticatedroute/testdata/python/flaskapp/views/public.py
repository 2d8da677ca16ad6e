from flask import Blueprint

public_bp = Blueprint("public", __name__)


@public_bp.post("/contact")  # want "POST /contact has no auth decorator and no rejecting before_request hook; add auth to the route or to blueprint `public.public_bp` \\(line 3\\)"
def contact():
    return ""
