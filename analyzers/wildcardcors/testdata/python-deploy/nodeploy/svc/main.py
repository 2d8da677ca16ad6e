from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
CORS(app)  # want warning "^flask-cors CORS\\(\\) without origins lets every web origin call the service; no fix: nothing in the service's deployment sets ALLOWED_ORIGINS, which the fix would read — set it there \\(Dockerfile ENV, app.yaml env_variables, a manifest, .env.example\\) or name the project's origins setting in \\[tool.xylint.wildcard-cors\\] origins-expression$"


@app.get("/photos")
def photos():
    return {"photos": []}
