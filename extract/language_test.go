package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLanguageFastPathAgreesWithDetector(t *testing.T) {
	texts := map[string]string{
		"de": "Die Bundesregierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise beschlossen. Nach Angaben des Wirtschaftsministeriums sollen vor allem Haushalte mit geringem Einkommen entlastet werden. Die Opposition kritisierte das Paket als unzureichend und forderte weitere Hilfen für kleine und mittlere Unternehmen, die unter den hohen Kosten leiden. Der Bundestag soll noch in dieser Woche darüber beraten.",
		"fr": "Le gouvernement a annoncé lundi de nouvelles mesures pour faire face à la hausse des prix de l'énergie. Selon le ministère de l'Économie, les ménages les plus modestes seront les premiers bénéficiaires. L'opposition a jugé le plan insuffisant et réclamé des aides supplémentaires pour les petites et moyennes entreprises, qui souffrent de la hausse des coûts. Le Parlement doit en débattre cette semaine.",
		"es": "El Gobierno anunció el lunes nuevas medidas para hacer frente al aumento de los precios de la energía. Según el Ministerio de Economía, los hogares con menos ingresos serán los primeros beneficiados. La oposición calificó el plan de insuficiente y reclamó más ayudas para las pequeñas y medianas empresas, que sufren el alza de los costes. El Congreso lo debatirá esta semana.",
	}
	for want, text := range texts {
		if looksEnglish(text) {
			t.Errorf("%s text taken for English", want)
		}
		if got := language(text, "", ""); got != want {
			t.Errorf("language = %q, want %q", got, want)
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "examples", "articles", "*.txt"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if !looksEnglish(string(b)) {
			t.Errorf("%s: English seed not recognised by the fast path", f)
		}
	}
	if looksEnglish(strings.Repeat("the ", 10)) {
		t.Error("too short a sample must go to the detector")
	}
}
