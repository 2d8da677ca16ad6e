package unauthenticatedroute

// Options configures XY002 unauthenticated-route ([tool.xylint.unauthenticated-route]
// in the configuration, the golangci-lint plugin's settings, or the vet
// tool's -unauthenticatedroute.* flags). The Python and Go detection share
// this struct; public-paths means the same in both.
type Options struct {
	// PublicPaths are full route paths that need no authentication.
	PublicPaths []string `toml:"public-paths"`
	// AuthMiddleware names the Go functions (or function-typed variables)
	// that authenticate a request: a bare name ("RequireAPIKey") matches
	// that name in any package, a qualified one
	// ("example.com/shared/auth.Middleware") only there. Anything from a
	// package whose last path element is "auth" counts as well.
	AuthMiddleware []string `toml:"auth-middleware"`
}

// DefaultPublicPaths are the probes, docs and metrics endpoints that the
// platform's services expose without a key.
var DefaultPublicPaths = []string{
	"/", "/health", "/healthz", "/ready", "/readiness", "/live", "/liveness",
	"/metrics", "/docs", "/redoc", "/openapi.json", "/favicon.ico",
}

// DefaultAuthMiddleware are the usual names of auth middleware in Go
// services and the auth middleware that gin, echo and chi ship.
var DefaultAuthMiddleware = []string{
	"RequireAuth", "RequireAPIKey", "APIKeyAuth", "APIKeyMiddleware", "AuthMiddleware",
	"Authenticate", "Authenticated", "VerifyAPIKey", "ValidateAPIKey", "JWTAuth", "JWTMiddleware",
	"github.com/gin-gonic/gin.BasicAuth", "github.com/gin-gonic/gin.BasicAuthForRealm",
	"github.com/labstack/echo/v4/middleware.BasicAuth", "github.com/labstack/echo/v4/middleware.BasicAuthWithConfig",
	"github.com/labstack/echo/v4/middleware.KeyAuth", "github.com/labstack/echo/v4/middleware.KeyAuthWithConfig",
	"github.com/labstack/echo-jwt/v4.JWT", "github.com/labstack/echo-jwt/v4.WithConfig",
	"github.com/go-chi/chi/v5/middleware.BasicAuth", "github.com/go-chi/jwtauth/v5.Verifier",
	"github.com/go-chi/jwtauth/v5.Authenticator",
}

// NewOptions returns the defaults.
func NewOptions() *Options {
	return &Options{
		PublicPaths:    append([]string(nil), DefaultPublicPaths...),
		AuthMiddleware: append([]string(nil), DefaultAuthMiddleware...),
	}
}
