def Depends(dependency=None):
    return dependency
