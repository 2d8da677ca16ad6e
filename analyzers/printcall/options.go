package printcall

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/roles"
	"github.com/xynergy/xylint/internal/ruleopts"
)

// Options are XY005 print-call's options ([tool.xylint.print-call]), as
// configuration writes them. Only the Python detection reads them.
type Options struct {
	// Exclude are path globs (gitignore syntax, matched against the path and
	// every tail of it) of files where prints are allowed.
	Exclude []string `toml:"exclude"`
	// AllowInMain exempts code under `if __name__ == "__main__":`.
	AllowInMain bool `toml:"allow-in-main"`
	// AllowInRoles are the roles of code (internal/python/roles: cli,
	// script, test, example, service, library) whose prints are its output
	// and are not reported.
	AllowInRoles []string `toml:"allow-in-roles"`
	// LoggerImport names a shared logger the fix uses when a module has
	// none of its own, as "module:name" ("shared.logging_config:logger");
	// empty: the fix defines `logger = logging.getLogger(__name__)`.
	LoggerImport string `toml:"logger-import"`
}

// Config is Options compiled, once per configuration: what the Python
// detection reads.
type Config struct {
	Exclude      ruleopts.Globs
	AllowInMain  bool
	AllowInRoles map[roles.Role]bool
	LoggerImport string // checked: "module:name", or ""
}

// OptionsSpec declares the options (Rule.Options).
var OptionsSpec = ruleopts.NewSpec(NewOptions, compile)

// NewOptions returns the defaults.
func NewOptions() *Options {
	return &Options{Exclude: slices.Clone(ruleopts.TestFiles), AllowInMain: true, AllowInRoles: slices.Clone(DefaultAllowInRoles)}
}

// DefaultAllowInRoles are the roles whose prints are the program's output:
// command-line programs, one-off scripts, tests and examples.
var DefaultAllowInRoles = []string{"cli", "script", "test", "example"}

func compile(o *Options) (*Config, error) {
	if err := ruleopts.CheckLoggerImport(o.LoggerImport); err != nil {
		return nil, err
	}
	allow := map[roles.Role]bool{}
	for _, name := range o.AllowInRoles {
		r, ok := roles.Parse(name)
		if !ok {
			return nil, fmt.Errorf("allow-in-roles: %q is not a role (roles are %s)", name, strings.Join(roles.Names, ", "))
		}
		allow[r] = true
	}
	return &Config{Exclude: ruleopts.CompileGlobs(o.Exclude), AllowInMain: o.AllowInMain, AllowInRoles: allow, LoggerImport: o.LoggerImport}, nil
}
