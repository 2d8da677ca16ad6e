// A shop without accounts: each visitor is a session, carried by a cookie.
package main

import (
	"context"
	"net/http"

	"github.com/gorilla/mux"
)

type ctxKey struct{}

type shop struct{ baskets map[string][]string }

// visitor is the session the middleware put in the request's context.
func visitor(ctx context.Context) string {
	v, _ := ctx.Value(ctxKey{}).(string)
	return v
}

func (s *shop) clearBasket(w http.ResponseWriter, r *http.Request) {
	delete(s.baskets, visitor(r.Context()))
}

func currentSessionID(r *http.Request) string {
	c, err := r.Cookie("shop_session")
	if err != nil {
		return ""
	}
	return c.Value
}

func (s *shop) addItem(w http.ResponseWriter, r *http.Request) {
	id := currentSessionID(r)
	s.baskets[id] = append(s.baskets[id], r.FormValue("item"))
}

func (s *shop) showBasket(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("sid"); err != nil {
		return
	}
}

func (s *shop) deleteProduct(w http.ResponseWriter, r *http.Request) {
	delete(s.baskets, r.FormValue("owner"))
}

func main() {
	s := &shop{baskets: map[string][]string{}}
	r := mux.NewRouter()
	// visitor(...) names no session: not session-scoped by its name.
	r.HandleFunc("/basket/clear", s.clearBasket).Methods("POST") // want `POST /basket/clear is reachable without authentication; wrap .*; an error because POST changes state`
	r.HandleFunc("/basket", s.addItem).Methods("POST")           // want `POST /basket is reachable without authentication; wrap .*; a warning, not an error: it acts only on the caller's own session \(currentSessionID\(r\)\); confirm the session ID is random and unguessable`
	r.HandleFunc("/basket", s.showBasket).Methods("GET")         // want `GET /basket is reachable without authentication; a note because it reads only the caller's own session \(r.Cookie\("sid"\)\)`
	r.HandleFunc("/basket/any", s.showBasket)                    // want `ANY /basket/any is reachable without authentication; wrap .*; a warning: no method is named`
	r.HandleFunc("/products", s.deleteProduct).Methods("DELETE") // want `DELETE /products is reachable .*an error because DELETE changes state`
	http.ListenAndServe(":8080", r)
}
