class FastAPI:
    def get(self, path):
        def register(f):
            return f

        return register
