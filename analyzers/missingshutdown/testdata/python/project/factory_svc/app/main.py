from app.factory import create_app, create_unhandled_app
from shared.gcp_clients import close_gcp_clients, get_storage_client

# The factory's app gets its shutdown handler here, in another module.
app = create_app()
app.add_event_handler("shutdown", close_gcp_clients)

other = create_unhandled_app()
bucket = get_storage_client().bucket("b")
