package headers

import "net/http"

const anyOrigin = "*"

func Open(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*") // want `XY001 wildcard-cors: Access-Control-Allow-Origin: \* lets every web origin call the service$`
	w.Header().Set("Access-Control-Allow-Methods", "*")
}

func WithCredentials(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("access-control-allow-origin", anyOrigin) // want `every web origin call the service with credentials allowed`
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}

func Literal(w http.ResponseWriter) {
	h := http.Header{"Access-Control-Allow-Origin": {"*"}} // want `Access-Control-Allow-Origin: \*`
	h["Access-Control-Allow-Origin"] = []string{anyOrigin} // want `Access-Control-Allow-Origin: \*`
	h.Set("Access-Control-Allow-Origin", "https://app.example.com")
	h.Set("Content-Security-Policy", "*")
}
