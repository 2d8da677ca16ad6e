// Package endpointsapp is served behind a Cloud Endpoints gateway: its
// openapi.yaml names the API key the gateway checks before a request
// reaches a handler.
package endpointsapp

import (
	"fmt"
	"net/http"
)

func echo(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, r.URL.Query().Get("message"))
}

func init() {
	http.HandleFunc("POST /echo", echo) // want `POST /echo is reachable without authentication; a note because the deployment shows the platform guards it \(openapi.yaml: a Cloud Endpoints gateway checks the credentials its securityDefinitions name\); confirm it, or set .platform-auth.`
}
