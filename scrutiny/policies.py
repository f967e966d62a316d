"""Security policies sent with every response, the same for every deployment."""

# Every inline script and style is gone from the templates: nothing inline runs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # The favicon placeholder in base.html is a data: URI (<link rel="icon" href="data:,">).
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Sent by core.headers on every response.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), interest-cohort=(), magnetometer=(), microphone=(), payment=(), "
    "usb=(), browsing-topics=()"
)
