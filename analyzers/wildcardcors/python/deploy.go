package python

import (
	"path"
	"regexp"
	"strings"

	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/internal/python/provenance"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/roles"
)

// A fix that writes the default origins expression makes the service read
// the ALLOWED_ORIGINS environment variable: merged where the deployment
// does not set it, the service refuses every origin, and a public API's
// browser clients on other origins break (python-docs-samples'
// endpoints/getting-started, generative-ai's photo-discovery API, issue
// 14's seed-16 rejects). The fix is made only with evidence that the
// origins will be set:
//
//   - the project's own origins setting (settings.go), which wins anyway;
//   - an origins-expression configured in [tool.xylint.wildcard-cors]
//     (the project named its origins source);
//   - a deployment file of the service that sets the variable the
//     expression reads (internal/deploy: Dockerfile ENV, app.yaml
//     env_variables, a manifest, a deploy script, .env.example, in the
//     file's directory or above it in the project).
//
// Otherwise the finding says what to set to get a fix. And where a test
// of the project asserts the wildcard header on the app (`assert
// r.headers["Access-Control-Allow-Origin"] == "*"`), the wildcard is the
// behaviour the project tests for: no fix, whatever the evidence.

// envRead is the environment variable an origins expression reads.
var envRead = regexp.MustCompile(`\bos\.(?:environ\.get|getenv)\(\s*["'](\w+)["']|\bos\.environ\[\s*["'](\w+)["']\s*\]`)

// undeployed returns why the configured expression's fix is withheld —
// "" when the project's configuration or deployment gives the origins, or
// when the deployment is not known (a file analysed in memory).
func (fx *fixer) undeployed(expr string) string {
	if fx.fp.opts.OriginsExpression != wildcardcors.DefaultOriginsExpression || expr != fx.fp.opts.OriginsExpression {
		return "" // configured by the project, or a setting of its own
	}
	m := envRead.FindStringSubmatch(expr)
	if m == nil {
		return ""
	}
	name := m[1] + m[2]
	if where, known := fx.fp.pass.EnvSetBy(name); !known || where != "" {
		return ""
	}
	return "; no fix: nothing in the service's deployment sets " + name + ", which the fix would read — set it there" +
		" (Dockerfile ENV, app.yaml env_variables, a manifest, .env.example) or name the project's origins setting" +
		" in [tool.xylint.wildcard-cors] origins-expression"
}

// wildcardAssert matches a test line that asserts the wildcard header
// value: `assert r.headers["Access-Control-Allow-Origin"] == "*"`, also
// the other way round, or with assertEqual.
var wildcardAssert = regexp.MustCompile(`(?i)access-control-allow-origin['"]\s*[\])]*\s*(==|,)\s*['"]\*['"]|['"]\*['"]\s*(==|,)\s*[^\n]*access-control-allow-origin`)

// mentionsACAO reports whether src has "-control-allow-origin" in any case,
// which every match of wildcardAssert has: the expression, which no literal
// prefix starts, runs over a whole test file, and most tests have no such
// header. ASCII case folding is exact here: no letter of that text folds to
// a non-ASCII one under (?i) (only k and s do, as K and ſ; the "ss" of
// "access" is why the text starts after it).
func mentionsACAO(src []byte) bool {
	return provenance.ContainsFoldASCII(src, "-control-allow-origin")
}

// wildcardTests returns, for a test file that asserts the wildcard header,
// the modules it imports (the apps it tests), else nil.
func wildcardTests(pass *pyanalysis.Pass) []string {
	if r, _ := roles.PathRole(pass.Path); r != roles.Test || !mentionsACAO(pass.Src) || !wildcardAssert.Match(pass.Src) {
		return nil
	}
	var mods []string
	for _, b := range pass.Names.Imports {
		if b.Qualified != "" {
			mods = append(mods, b.Qualified)
		}
	}
	if mods == nil {
		mods = []string{""}
	}
	return mods
}

// testedWildcard returns the test file, among tests (path → imported
// modules), that asserts the wildcard header of the app in file p: a test
// in p's directory, or in a tests directory in it or beside it, that
// imports p's module (`import main`, `from main import app`, `from
// app.main import app`); "" when none does.
func testedWildcard(p string, tests map[string][]string) string {
	dir := path.Dir(p)
	mod := strings.TrimSuffix(path.Base(p), ".py")
	for t, imports := range tests {
		td := path.Dir(t)
		if td != dir && path.Dir(td) != dir && !(path.Dir(td) == path.Dir(dir) && strings.HasPrefix(path.Base(td), "test")) {
			continue
		}
		for _, q := range imports {
			if q == mod || strings.HasPrefix(q, mod+".") || strings.HasSuffix(q, "."+mod) || strings.Contains(q, "."+mod+".") {
				return t
			}
		}
	}
	return ""
}
