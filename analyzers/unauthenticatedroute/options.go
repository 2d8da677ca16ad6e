package unauthenticatedroute

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/pyident"
	"github.com/xynergy/xylint/internal/ruleopts"
)

// Options configures XY002 unauthenticated-route ([tool.xylint.unauthenticated-route]
// in the configuration, the golangci-lint plugin's settings, or the vet
// tool's -unauthenticatedroute.* flags), as configuration writes them: one
// table, whose public-paths both detections read (and mean the same by),
// the others the Go detection's (GoOptions) or the Python detection's
// (PythonOptions).
type Options struct {
	// PublicPaths are full route paths that need no authentication: "/path"
	// for every method, or "GET,HEAD /path" for the methods listed (a
	// webhook: "POST /webhooks/stripe").
	PublicPaths []string `toml:"public-paths" vet:"comma-separated route paths that need no authentication (\"/health\", or \"POST /hook\" for that method only: one method per entry here)"`
	// PlatformAuth, when not empty, says what authenticates every request
	// before it reaches the code of the files this configuration covers
	// ("Cloud Run IAM: deployed with --no-allow-unauthenticated"): their
	// open routes are notes, and the message quotes it.
	PlatformAuth string `toml:"platform-auth"`
	GoOptions
	PythonOptions
}

// GoOptions are the options only the Go analyzer reads.
type GoOptions struct {
	// AuthMiddleware names the Go functions (or function-typed variables)
	// that authenticate a request: a bare name ("RequireAPIKey") matches
	// that name in any package, a qualified one
	// ("example.com/shared/auth.Middleware") only there. Anything from a
	// package whose last path element is "auth" counts as well.
	AuthMiddleware []string `toml:"auth-middleware" vet:"comma-separated auth middleware: names, or import/path.Name"`
}

// PythonOptions are the options only the Python detection reads.
type PythonOptions struct {
	// AuthDependencies names the Python (FastAPI) dependencies that
	// authenticate a request: a bare name ("verify_api_key") matches a
	// dependency of that name from any module, a dotted one
	// ("app.security.check_key") only that qualified name. Anything
	// imported from a module named `auth` and the fastapi.security schemes
	// count as well, and so does a dependency (function, class, alias) that
	// itself depends on one of them.
	AuthDependencies []string `toml:"auth-dependencies"`
	// AuthDecorators names the Flask view decorators that authenticate a
	// request, matched like AuthDependencies.
	AuthDecorators []string `toml:"auth-decorators"`
	// FixDependency is the qualified name of the FastAPI dependency the
	// Python fix adds (`dependencies=[Depends(name)]`, with `from module
	// import name`); empty: no FastAPI fix. It counts as auth.
	FixDependency string `toml:"fix-dependency"`
	// FixDecorator is the qualified name of the Flask decorator the Python
	// fix adds under the route decorator; empty: no Flask fix. It counts as
	// auth.
	FixDecorator string `toml:"fix-decorator"`
	// Exclude are path globs (gitignore syntax, matched against the path
	// and every tail of it) of Python files the rule does not read: by
	// default test files, whose apps are test fixtures (and whose
	// include_router(..., dependencies=[fake_auth]) must not make a
	// production router look protected).
	Exclude []string `toml:"exclude"`
}

// DefaultFixDependency and DefaultFixDecorator are the platform's API-key
// checks in shared/auth.py.
const (
	DefaultFixDependency = "shared.auth.verify_api_key"
	DefaultFixDecorator  = "shared.auth.require_api_key"
)

// httpMethods are the methods a public-paths entry may name: HTTP's, ANY
// (a Go route for every method) and WEBSOCKET.
var httpMethods = map[string]bool{
	"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true,
	"OPTIONS": true, "TRACE": true, "CONNECT": true, "ANY": true, "WEBSOCKET": true,
}

// ParsePublicPath splits a public-paths entry into the methods it names
// (none: every method) and the path; ok is false when the part before the
// path is not a comma-separated list of methods.
func ParsePublicPath(s string) (methods []string, path string, ok bool) {
	s = strings.TrimSpace(s)
	m, p, found := strings.Cut(s, " ")
	if !found {
		return nil, s, s != ""
	}
	for _, x := range strings.Split(m, ",") {
		x = strings.ToUpper(strings.TrimSpace(x))
		if !httpMethods[x] {
			return nil, "", false
		}
		methods = append(methods, x)
	}
	p = strings.TrimSpace(p)
	return methods, p, p != ""
}

// Config is Options checked and compiled, once per configuration: what the
// rule's code reads.
type Config struct {
	PublicPaths    []PublicPath
	PlatformAuth   string
	AuthMiddleware []string // Go
	// Python
	AuthDependencies, AuthDecorators []string
	FixDependency, FixDecorator      string
	Exclude                          ruleopts.Globs
}

// PublicPath is a public-paths entry, parsed.
type PublicPath struct {
	Methods []string // upper case; none: every method
	Path    string
}

// OptionsSpec declares the options (Rule.Options).
var OptionsSpec = ruleopts.NewSpec(NewOptions, func(o *Options) (*Config, error) {
	c := &Config{
		PlatformAuth:     strings.TrimSpace(o.PlatformAuth),
		AuthMiddleware:   o.AuthMiddleware,
		AuthDependencies: o.AuthDependencies,
		AuthDecorators:   o.AuthDecorators,
		FixDependency:    o.FixDependency,
		FixDecorator:     o.FixDecorator,
		Exclude:          ruleopts.CompileGlobs(o.Exclude),
	}
	for _, e := range o.PublicPaths {
		methods, path, ok := ParsePublicPath(e)
		if !ok {
			return nil, fmt.Errorf("public-paths %q: want a path (\"/health\") or methods and a path (\"POST /webhooks/stripe\")", e)
		}
		c.PublicPaths = append(c.PublicPaths, PublicPath{Methods: methods, Path: path})
	}
	for _, f := range []struct{ key, v string }{{"fix-dependency", o.FixDependency}, {"fix-decorator", o.FixDecorator}} {
		if f.v != "" && !qualifiedName(f.v) {
			return nil, fmt.Errorf("%s %q: want a qualified name \"module.name\", such as %q", f.key, f.v, DefaultFixDependency)
		}
	}
	return c, nil
})

// Public reports whether a route serving methods (upper case; "ANY" for a
// route that serves every method) at path is public: an entry names the
// path (both normalised by norm, as the language's router does) and every
// one of the route's methods, or names no method.
func (c *Config) Public(methods []string, path string, norm func(string) string) bool {
	path = norm(path)
	for _, e := range c.PublicPaths {
		if norm(e.Path) != path {
			continue
		}
		if len(e.Methods) == 0 || len(methods) > 0 && !slices.ContainsFunc(methods, func(m string) bool { return !slices.Contains(e.Methods, m) }) {
			return true
		}
	}
	return false
}

// qualifiedName: dotted identifiers, at least a module and a name.
func qualifiedName(s string) bool {
	return strings.Contains(s, ".") && pyident.IsDotted(s)
}

// DefaultPublicPaths are the probes, docs and metrics endpoints that the
// platform's services expose without a key, and the landing page (`/` for
// GET and HEAD: a `POST /` does work, and is reported).
var DefaultPublicPaths = []string{
	"GET,HEAD /", "/health", "/healthz", "/ready", "/readiness", "/live", "/liveness",
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

// DefaultAuthDependencies are the usual names of FastAPI auth
// dependencies, the platform's among them (shared.auth's verify_api_key and
// get_current_user).
var DefaultAuthDependencies = []string{
	"verify_api_key", "get_api_key", "require_api_key", "get_current_user",
	"get_current_active_user", "verify_token",
}

// DefaultAuthDecorators are the Flask auth decorators of the platform
// (shared.auth.require_api_key), Flask-Login, Flask-JWT-Extended,
// Flask-HTTPAuth and the usual hand-written ones.
var DefaultAuthDecorators = []string{
	"login_required", "jwt_required", "fresh_jwt_required", "require_api_key", "api_key_required",
	"requires_auth", "auth_required", "token_required", "verify_token", "login_required_ajax",
}

// NewOptions returns the defaults.
func NewOptions() *Options {
	return &Options{
		PublicPaths: append([]string(nil), DefaultPublicPaths...),
		GoOptions:   GoOptions{AuthMiddleware: append([]string(nil), DefaultAuthMiddleware...)},
		PythonOptions: PythonOptions{
			AuthDependencies: append([]string(nil), DefaultAuthDependencies...),
			AuthDecorators:   append([]string(nil), DefaultAuthDecorators...),
			FixDependency:    DefaultFixDependency,
			FixDecorator:     DefaultFixDecorator,
			Exclude:          slices.Clone(ruleopts.TestFiles),
		},
	}
}
