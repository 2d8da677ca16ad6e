// Package logruslog imports logrus under the name log: its calls are logging,
// not the standard log package.
package logruslog

import log "github.com/sirupsen/logrus"

func Charge(id string) {
	log.Println("charging", id)
	log.Printf("charged %s", id)
	log.Info("done")
	log.Fatal("never")
}
