from flask import Flask

from views.admin import admin_bp
from views.public import site_bp

app = Flask(__name__)
app.register_blueprint(admin_bp)
app.register_blueprint(site_bp)
