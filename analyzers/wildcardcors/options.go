package wildcardcors

import (
	"fmt"
	"strings"

	"github.com/xynergy/xylint/internal/pyident"
)

// Options are XY001 wildcard-cors's options ([tool.xylint.wildcard-cors]).
// One struct serves the Python and the Go detection.
type Options struct {
	// Middleware lists the qualified names of further CORS middleware
	// classes that take Starlette's CORSMiddleware arguments (a platform's
	// own wrapper, say "shared.cors.PlatformCORSMiddleware"); Starlette's
	// and FastAPI's CORSMiddleware are always checked.
	Middleware []string `toml:"middleware"`
	// OriginsExpression is the Python expression the fix puts where the
	// wildcard was: the service's allowed origins, as a list of strings.
	// Empty: no fix.
	OriginsExpression string `toml:"origins-expression"`
	// OriginsImport is what the expression needs imported: "module"
	// (`import module`, the expression uses `module.`) or "module:name"
	// (`from module import name`); empty when it needs nothing.
	OriginsImport string `toml:"origins-import"`
}

// DefaultOriginsExpression reads the ALLOWED_ORIGINS environment variable,
// a comma-separated list, dropping empty entries: unset, it allows no
// origin (django-cors-headers' system check rejects an empty origin, and
// Starlette would keep one that matches nothing).
const DefaultOriginsExpression = `[origin for origin in os.environ.get("ALLOWED_ORIGINS", "").split(",") if origin]`

// DefaultOriginsImport is what DefaultOriginsExpression needs.
const DefaultOriginsImport = "os"

// NewOptions returns the defaults (Rule.NewOptions).
func NewOptions() any {
	return &Options{OriginsExpression: DefaultOriginsExpression, OriginsImport: DefaultOriginsImport}
}

// Validate checks origins-import's shape (config calls it); the
// expression is checked by the fix, which parses it.
func (o *Options) Validate() error {
	if o.OriginsImport == "" {
		return nil
	}
	if _, _, err := ParseImport(o.OriginsImport); err != nil {
		return err
	}
	return nil
}

// ParseImport splits origins-import into a module and an optional name.
func ParseImport(s string) (module, name string, err error) {
	module, name, hasName := strings.Cut(s, ":")
	if !pyident.IsDotted(module) || hasName && !pyident.IsIdentifier(name) {
		return "", "", fmt.Errorf("origins-import %q: want \"module\" or \"module:name\", such as \"os\" or \"shared.config:ALLOWED_ORIGINS\"", s)
	}
	return module, name, nil
}
