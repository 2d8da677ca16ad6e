package python

import (
	"bytes"
	"path"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/python/web"
)

// A wildcard origin without credentials lets other sites read what their
// own requests fetch: the browser neither sends a visitor's cookies with
// them nor shows the page a response to a request that carried them. An
// API that authenticates by a header credential (an API key, a bearer
// token) gets none from another site's page either: that site cannot
// read the visitor's key. What the wildcard exposes there is what anyone
// may fetch, so the finding is a note. Cookie sessions and services that
// trust their network (an internal API, reachable from a visitor's
// browser) keep the warning; credentials allowed keep the error.

// headerSchemes are fastapi.security's schemes that read a credential
// from a header or the query, which a browser never adds by itself
// (HTTPBasic and APIKeyCookie are a browser's ambient credentials).
var headerSchemes = map[string]bool{
	"APIKeyHeader": true, "APIKeyQuery": true, "HTTPBearer": true, "OAuth2PasswordBearer": true,
	"OAuth2AuthorizationCodeBearer": true, "OpenIdConnect": true, "OAuth2": true,
}

// credentialHeaders are the request headers that carry an API key or a
// bearer token (lower case).
var credentialHeaders = []string{"authorization", "x-api-key", "api-key", "x-api-token", "x-auth-token", "apikey"}

// headerAuth says how the file authenticates requests by a header
// credential — it builds a header scheme (`APIKeyHeader(name="X-API-KEY")`)
// or reads a credential header from a request (`request.headers.get(
// "X-Api-Key")`) — or "".
func headerAuth(pass *pyanalysis.Pass) string {
	for _, call := range pass.Nodes(syntax.KindCall) {
		fn := call.ChildByField(syntax.FieldFunction).Unparen()
		if q, ok := pass.Names.QualifiedName(fn); ok && web.IsScheme(q) && headerSchemes[q[strings.LastIndexByte(q, '.')+1:]] {
			return "`" + q[strings.LastIndexByte(q, '.')+1:] + "`"
		}
		if !fn.Is(syntax.KindAttribute) || !fn.ChildByField(syntax.FieldAttribute).TextIs("get") {
			continue
		}
		if obj := fn.ChildByField(syntax.FieldObject); !bytes.HasSuffix(obj.Text(), []byte("headers")) {
			continue
		}
		if k, ok := call.ChildByField(syntax.FieldArguments).PositionalArg(0).StringLiteral(); ok {
			for _, h := range credentialHeaders {
				if strings.EqualFold(strings.TrimSpace(k), h) {
					return "`" + string(call.Text()) + "`"
				}
			}
		}
	}
	return ""
}

// headerAuthByRoot is, per module root of the run, the files that
// authenticate by a header credential and how (in the order of the run).
type headerAuthByRoot map[string][]authSite

type authSite struct{ path, how string }

func (a headerAuthByRoot) add(pass *pyanalysis.ProjectPass, path, how string) {
	if how == "" {
		return
	}
	root := pass.Modules.Root(path)
	a[root] = append(a[root], authSite{path, how})
}

// level turns a warning (a wildcard without credentials) into a note when
// a file in the policy's directory or below (its application: lnbits'
// app.py and lnbits/decorators.py) authenticates by a header credential,
// and says why. A file elsewhere in the tree is another program's (a
// command's local callback server beside the API server) and is not
// evidence.
func (a headerAuthByRoot) level(pass *pyanalysis.ProjectPass, p string, sev lint.Severity, msg string) (lint.Severity, string) {
	if sev != lint.Warning {
		return sev, msg
	}
	dir := path.Dir(p) + "/"
	for _, s := range a[pass.Modules.Root(p)] {
		if strings.HasPrefix(s.path, dir) {
			return lint.Note, msg + "; a note because credentials are not allowed and the API authenticates by a header credential (" + s.how + " in " + s.path +
				"): other sites cannot send a visitor's key or cookies with their requests, so it exposes only what anyone may fetch"
		}
	}
	return sev, msg
}

// quiet applies level to a pending report. A wildcard made a note here
// gets no fix: restricting origins to an expression the deployment may not
// set breaks every cross-origin client of a public, header-keyed API for no
// gain (issue 14's review: lnbits' app.py).
func (a headerAuthByRoot) quiet(pass *pyanalysis.ProjectPass, path string, r pendingReport) pendingReport {
	was := r.Severity
	r.Severity, r.Message = a.level(pass, path, r.Severity, r.Message)
	if r.Severity != was {
		r.Fix, r.Choice.Alts, r.Withheld = nil, nil, ""
	}
	return r
}
