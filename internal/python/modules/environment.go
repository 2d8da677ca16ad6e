package modules

import (
	"fmt"
	"slices"
	"strings"
)

// Environment is what the code of one run can import where it runs: the
// standard library, the modules and packages of the run (as each file
// finds them, see Index.Resolve), the modules the run's files import when
// they run (the environment provides them: someone installed them), and
// what the configuration declares (importable-modules). The fix engine
// withholds a fix that would add an import of anything else
// (fix.Options.Importable): a project without the platform's shared/
// package must not get `from shared.http_client import ...`.
type Environment struct {
	index    *Index
	imported map[string]bool
	// installed are packages installed with what the run imports (their
	// dependencies): every module below them too.
	installed []string
}

// NewEnvironment returns the environment of the files x indexes.
func NewEnvironment(x *Index) *Environment {
	return &Environment{index: x, imported: map[string]bool{}}
}

// Imported records modules a file of the run imports when it runs (absolute
// dotted names; relative ones are ignored), the packages above them, and
// what installing them installs too (dependencies).
func (e *Environment) Imported(modules []string) {
	for _, m := range modules {
		for _, d := range dependencies {
			if (m == d.of || strings.HasPrefix(m, d.of+".")) && !slices.Contains(e.installed, d.brings[0]) {
				e.installed = append(e.installed, d.brings...)
			}
		}
		for ; m != "" && !strings.HasPrefix(m, ".") && !e.imported[m]; m = parentModule(m) {
			e.imported[m] = true
		}
	}
}

// dependencies are packages that come with others, for the imports fixes
// add: every google-cloud-* library requires google-api-core (whose
// google.api_core.exceptions XY004's fix narrows to) and google-auth.
var dependencies = []struct {
	of     string
	brings []string
}{
	{"google.cloud", []string{"google.api_core", "google.auth"}},
}

func parentModule(m string) string {
	if i := strings.LastIndexByte(m, '.'); i >= 0 {
		return m[:i]
	}
	return ""
}

// Importable returns nil when the file from may import module, else why not
// and the setting that would allow it. declared are the configuration's
// importable-modules (each covers its submodules). Relative modules are
// accepted: no fix adds one, and they cannot be judged without the file's
// module name.
func (e *Environment) Importable(from, module string, declared []string) error {
	if module == "" || strings.HasPrefix(module, ".") || IsStdlib(module) || e.imported[module] || e.index.Importable(from, module) {
		return nil
	}
	for _, m := range slices.Concat(declared, e.installed) {
		if module == m || strings.HasPrefix(module, m+".") {
			return nil
		}
	}
	top, _, _ := strings.Cut(module, ".")
	return fmt.Errorf("it would import %s, which this code may not be able to import: no file of the run is that module or imports it, and importable-modules does not list it (if the environment the code runs in provides it, add %q to importable-modules in [tool.xylint])", module, top)
}
