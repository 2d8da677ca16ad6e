def setup_shutdown(app):
    @app.on_event("shutdown")
    async def close():
        pass
