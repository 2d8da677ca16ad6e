package wildcardcors

import (
	"fmt"
	"strings"

	"github.com/xynergy/xylint/internal/pyident"
	"github.com/xynergy/xylint/internal/ruleopts"
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

// NewOptions returns the defaults.
func NewOptions() *Options {
	return &Options{OriginsExpression: DefaultOriginsExpression, OriginsImport: DefaultOriginsImport}
}

// Config is Options checked, once per configuration: what the Python
// detection reads. The expression is checked by the fix, which parses it
// (a configuration that does not parse leaves the rule without a fix).
type Config struct {
	Middleware        []string
	OriginsExpression string
	// ImportModule and ImportName are origins-import's parts ("" when it
	// names no module or no name).
	ImportModule, ImportName string
}

// OptionsSpec declares the options (Rule.Options).
var OptionsSpec = ruleopts.NewSpec(NewOptions, func(o *Options) (*Config, error) {
	c := &Config{Middleware: o.Middleware, OriginsExpression: o.OriginsExpression}
	if o.OriginsImport != "" {
		var err error
		if c.ImportModule, c.ImportName, err = parseImport(o.OriginsImport); err != nil {
			return nil, err
		}
	}
	return c, nil
})

// parseImport splits origins-import into a module and an optional name.
func parseImport(s string) (module, name string, err error) {
	module, name, hasName := strings.Cut(s, ":")
	if !pyident.IsDotted(module) || hasName && !pyident.IsIdentifier(name) {
		return "", "", fmt.Errorf("origins-import %q: want \"module\" or \"module:name\", such as \"os\" or \"shared.config:ALLOWED_ORIGINS\"", s)
	}
	return module, name, nil
}
