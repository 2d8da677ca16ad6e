class HTTPBasic:
    def __call__(self, request):
        return request
