"""Code shared by every Xynergy service: auth, rate limiting and pooled clients."""
