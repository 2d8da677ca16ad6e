from flask import Flask
from flask_cors import CORS, cross_origin

app = Flask(__name__)

CORS(app)  # want `^flask-cors CORS\(\) without origins lets every web origin call the service$`
CORS(app, supports_credentials=True)  # want `without origins .* with credentials allowed`
CORS(app, origins="*")  # want `flask-cors CORS\(\) origins contains "\*"`
CORS(app, origins=["https://app.example", "*"], supports_credentials=True)  # want `contains "\*".*credentials`
CORS(app, origins=r".*")  # want `origins "\.\*" matches every origin`
CORS(app, resources={r"/api/*": {"origins": "*"}})  # want `resources origins contains "\*"`
CORS(app, resources={r"/api/*": {"methods": ["GET"]}})  # want `resource "/api/\*" without origins`
CORS(app, resources=r"/api/*")  # want `without origins`

cors = CORS()  # want `without origins`
cors.init_app(app)

CORS(app, origins=["https://app.example"])
CORS(app, origins="https://app.example", supports_credentials=True)
CORS(app, resources={r"/api/*": {"origins": ["https://app.example"]}})
CORS(app, **{"origins": "https://app.example"})


@app.route("/open")
@cross_origin()  # want `^flask-cors @cross_origin\(\) without origins`
def open_view():
    return "ok"


@app.route("/partner")
@cross_origin(origins=["https://partner.example"])
def partner_view():
    return "ok"
