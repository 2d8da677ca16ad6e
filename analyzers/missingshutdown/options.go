package missingshutdown

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/analyzers/directclient"
)

// Options are XY006 missing-shutdown's options ([tool.xylint.missing-shutdown]).
// One struct serves the Python and the Go detection (Go has none yet).
type Options struct {
	// PoolModules are the dotted Python modules whose functions hand out
	// pooled clients ("shared.gcp_clients"): a module that calls one of
	// their getters leaves that pool open, and the message says so.
	// Functions whose name starts with "close" or "shutdown" are the
	// cleanup, not getters.
	PoolModules []string `toml:"pool-modules"`
	// Exclude are path globs (gitignore syntax, matched against the path
	// and every tail of it) of Python files the rule does not look at: by
	// default test files, which build throwaway apps.
	Exclude []string `toml:"exclude"`
}

// DefaultPoolModules are the platform's pool modules.
var DefaultPoolModules = []string{"shared.gcp_clients", "shared.http_client"}

// NewOptions returns the defaults (Rule.NewOptions).
func NewOptions() any {
	return &Options{
		PoolModules: slices.Clone(DefaultPoolModules),
		Exclude:     slices.Clone(directclient.DefaultExclude),
	}
}

// Excludes reports whether the rule skips the Python file at the
// slash-separated path.
func (o *Options) Excludes(p string) bool {
	return o != nil && directclient.MatchGlobs(o.Exclude, p)
}

// Validate checks the options (the configuration loader calls it).
func (o *Options) Validate() error {
	var errs []string
	for _, m := range o.PoolModules {
		if m == "" || strings.ContainsAny(m, "/ *") || strings.HasPrefix(m, ".") || strings.HasSuffix(m, ".") {
			errs = append(errs, fmt.Sprintf("pool-modules: %q is not a dotted module name such as \"shared.gcp_clients\"", m))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}
