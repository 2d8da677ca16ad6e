package wildcardcors

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY001 wildcard-cors's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:     "XY001",
	Name:     "wildcard-cors",
	Summary:  "CORS policy that allows every origin",
	Doc:      lint.ExtractDoc(doc),
	Severity: lint.Error,
	Levels: []lint.LevelDoc{
		{Level: lint.Error, When: "credentials are allowed too (allow_credentials=True, supports_credentials=True, CORS_ALLOW_CREDENTIALS, Access-Control-Allow-Credentials: true, AllowCredentials): any web page can act with the user's cookies"},
		{Level: lint.Warning, When: "without credentials: any web page can read the responses, but not with the user's session"},
		{Level: lint.Note, When: "Python, without credentials, in a service that authenticates by a header credential (APIKeyHeader, HTTPBearer, request.headers.get(\"X-Api-Key\")): other sites cannot send a visitor's key or cookies, so it exposes only what anyone may fetch"},
	},
	FixSafety: lint.Unsafe,
	Aliases:   []string{},
	Options:   OptionsSpec,
}
