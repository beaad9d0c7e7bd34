package understand

import (
	"strings"
	"sync"
	"unicode"
)

// gazEntry is one known entity: its canonical name, type, subtype, the
// other names it goes by, and (for countries) the adjectives that stand
// for it ("Iranian officials" is Iran acting).
type gazEntry struct {
	Name      string
	Type      string
	Subtype   string
	Aliases   []string
	Demonyms  []string
	wordCount int
}

// Gazetteer lines: "Name|subtype|alias;alias|demonym;demonym". Countries
// carry demonyms; the other sections take the type from the section.
const gazCountries = `United States|country|US;U.S.;USA;U.S.A.;America;United States of America|American
United Kingdom|country|UK;U.K.;Britain;Great Britain|British
Iran|country|Islamic Republic of Iran;Islamic Republic|Iranian
Iraq|country||Iraqi
Afghanistan|country||Afghan
Pakistan|country||Pakistani
India|country||Indian
China|country|People's Republic of China;PRC|Chinese
Russia|country|Russian Federation|Russian
Saudi Arabia|country|Saudi|Saudi
United Arab Emirates|country|UAE;U.A.E.|Emirati
Qatar|country||Qatari
Kuwait|country||Kuwaiti
Bahrain|country||Bahraini
Oman|country||Omani
Yemen|country||Yemeni
Syria|country||Syrian
Lebanon|country||Lebanese
Israel|country||Israeli
Palestine|country|Palestinian territories|Palestinian
Jordan|country||Jordanian
Egypt|country||Egyptian
Libya|country||Libyan
Tunisia|country||Tunisian
Algeria|country||Algerian
Morocco|country||Moroccan
Sudan|country||Sudanese
Ethiopia|country||Ethiopian
Somalia|country||Somali
Kenya|country||Kenyan
Nigeria|country||Nigerian
Ghana|country||Ghanaian
South Africa|country||South African
Zimbabwe|country||Zimbabwean
Turkey|country|Turkiye|Turkish
Greece|country||Greek
Cyprus|country||Cypriot
Italy|country||Italian
Spain|country||Spanish
Portugal|country||Portuguese
France|country||French
Germany|country||German
Netherlands|country|Holland|Dutch
Belgium|country||Belgian
Switzerland|country||Swiss
Austria|country||Austrian
Poland|country||Polish
Ukraine|country||Ukrainian
Belarus|country||Belarusian
Sweden|country||Swedish
Norway|country||Norwegian
Denmark|country||Danish
Finland|country||Finnish
Ireland|country||Irish
Hungary|country||Hungarian
Romania|country||Romanian
Serbia|country||Serbian
Croatia|country||Croatian
Czech Republic|country|Czechia|Czech
Georgia|country||Georgian
Armenia|country||Armenian
Azerbaijan|country||Azerbaijani
Kazakhstan|country||Kazakh
Uzbekistan|country||Uzbek
Turkmenistan|country||Turkmen
Tajikistan|country||Tajik
Japan|country||Japanese
South Korea|country|Republic of Korea|South Korean
North Korea|country|DPRK|North Korean
Taiwan|country||Taiwanese
Vietnam|country|Viet Nam|Vietnamese
Thailand|country||Thai
Malaysia|country||Malaysian
Singapore|country||Singaporean
Indonesia|country||Indonesian
Philippines|country||Filipino;Philippine
Myanmar|country|Burma|Burmese
Bangladesh|country||Bangladeshi
Sri Lanka|country||Sri Lankan
Nepal|country||Nepalese
Australia|country||Australian
New Zealand|country||New Zealander
Canada|country||Canadian
Mexico|country||Mexican
Brazil|country||Brazilian
Argentina|country||Argentine;Argentinian
Chile|country||Chilean
Colombia|country||Colombian
Peru|country||Peruvian
Venezuela|country||Venezuelan
Cuba|country||Cuban
Ecuador|country||Ecuadorian
Bolivia|country||Bolivian
Uruguay|country||Uruguayan
Paraguay|country||Paraguayan
Haiti|country||Haitian
Hong Kong|territory||
Scotland|country||Scottish
England|country||English
Wales|country||Welsh`

const gazPlaces = `Washington|city|Washington D.C.;Washington, D.C.
Tehran|city|Teheran
Kabul|city
Baghdad|city
Islamabad|city
Karachi|city
Lahore|city
New Delhi|city|Delhi
Mumbai|city|Bombay
Beijing|city|Peking
Shanghai|city
Moscow|city
London|city
Paris|city
Berlin|city
Rome|city
Madrid|city
Brussels|city
Geneva|city
Vienna|city
Amsterdam|city
Stockholm|city
Oslo|city
Copenhagen|city
Dublin|city
Warsaw|city
Kiev|city|Kyiv
Minsk|city
Athens|city
Ankara|city
Istanbul|city
Dubai|city
Abu Dhabi|city
Doha|city
Riyadh|city
Jeddah|city
Muscat|city
Manama|city
Sanaa|city
Damascus|city
Aleppo|city
Beirut|city
Jerusalem|city
Tel Aviv|city
Gaza|territory|Gaza Strip
West Bank|territory
Amman|city
Cairo|city
Tripoli|city
Tunis|city
Khartoum|city
Nairobi|city
Lagos|city
Johannesburg|city
Cape Town|city
Tokyo|city
Seoul|city
Pyongyang|city
Hanoi|city
Bangkok|city
Manila|city
Jakarta|city
Kuala Lumpur|city
Sydney|city
Melbourne|city
Ottawa|city
Toronto|city
Montreal|city
Vancouver|city
Mexico City|city
Havana|city
Caracas|city
Bogota|city
Lima|city
Santiago|city
Buenos Aires|city
Sao Paulo|city
Rio de Janeiro|city
New York|city|New York City;NYC
Los Angeles|city|L.A.
Chicago|city
Houston|city
San Francisco|city
Boston|city
Philadelphia|city
Detroit|city
Miami|city
Atlanta|city
Dallas|city
Seattle|city
Denver|city
Las Vegas|city
Kandahar|city
Herat|city
Mosul|city
Basra|city
Kurdistan|region
Middle East|region|Mideast
Europe|region
Asia|region
Africa|region
Latin America|region
Gulf|region|Persian Gulf;Arabian Gulf
Strait of Hormuz|region
Pittsburgh|city
Cleveland|city
Cincinnati|city
Nashville|city
Portland|city
Baltimore|city
Phoenix|city
San Diego|city
San Antonio|city
Austin|city
Fort Worth|city
Minneapolis|city
St. Louis|city
Kansas City|city
New Orleans|city
Orlando|city
Tampa|city
Sacramento|city
Salt Lake City|city
Indianapolis|city
Milwaukee|city
Memphis|city
Oklahoma City|city
Honolulu|city
Albuquerque|city
Santa Fe|city
Buffalo|city
Newark|city
Oakland|city
San Jose|city
Milan|city
Munich|city
Frankfurt|city
Hamburg|city
Barcelona|city
Lisbon|city
Prague|city
Budapest|city
Bucharest|city
Belgrade|city
Helsinki|city
Edinburgh|city
Manchester|city
Birmingham|city
Liverpool|city
Glasgow|city
Marseille|city
Naples|city
Venice|city
Florence|city
St Petersburg|city|St. Petersburg;Saint Petersburg
Tbilisi|city
Baku|city
Yerevan|city
Tashkent|city
Almaty|city
Dhaka|city
Kathmandu|city
Colombo|city
Kolkata|city|Calcutta
Chennai|city
Bangalore|city|Bengaluru
Hyderabad|city
Shenzhen|city
Guangzhou|city
Wuhan|city
Osaka|city
Busan|city
Taipei|city
Ho Chi Minh City|city|Saigon
Phnom Penh|city
Yangon|city
Auckland|city
Wellington|city
Brisbane|city
Perth|city
Canberra|city
Addis Ababa|city
Kampala|city
Kinshasa|city
Dakar|city
Accra|city
Abuja|city
Casablanca|city
Algiers|city
Benghazi|city
Mogadishu|city
Quito|city
Brasilia|city
Panama City|city
Jalalabad|city
Mazar-i-Sharif|city
Peshawar|city
Quetta|city
Erbil|city
Kirkuk|city
Fallujah|city
Homs|city
Idlib|city
Raqqa|city
Hodeidah|city
Aden|city
Isfahan|city
Mashhad|city
Shiraz|city
Tabriz|city
Mars|planet
Jupiter|planet
Saturn|planet
Alabama|state
Alaska|state
Arizona|state
Arkansas|state
California|state
Colorado|state
Connecticut|state
Delaware|state
Florida|state
Hawaii|state
Idaho|state
Illinois|state
Indiana|state
Iowa|state
Kansas|state
Kentucky|state
Louisiana|state
Maine|state
Maryland|state
Massachusetts|state
Michigan|state
Minnesota|state
Mississippi|state
Missouri|state
Montana|state
Nebraska|state
Nevada|state
New Hampshire|state
New Jersey|state
New Mexico|state
North Carolina|state
North Dakota|state
Ohio|state
Oklahoma|state
Oregon|state
Pennsylvania|state
Rhode Island|state
South Carolina|state
South Dakota|state
Tennessee|state
Texas|state
Utah|state
Vermont|state
Virginia|state
West Virginia|state
Wisconsin|state
Wyoming|state`

const gazOrgs = `United Nations|international|UN;U.N.
UN General Assembly|international|U.N. General Assembly;United Nations General Assembly;General Assembly
UN Security Council|international|U.N. Security Council;United Nations Security Council;Security Council
NATO|international|North Atlantic Treaty Organization
European Union|international|EU;E.U.
International Atomic Energy Agency|international|IAEA
World Health Organization|international|WHO
International Monetary Fund|international|IMF
World Bank|international
OPEC|international|Organization of the Petroleum Exporting Countries
Arab League|international
African Union|international
World Trade Organization|international|WTO
Taliban|armed group
al-Qaeda|armed group|al Qaeda;al-Qaida;al Qaida;Al Qaeda;Al-Qaeda
Islamic State|armed group|IS;ISIS;ISIL;Daesh
Hezbollah|armed group|Hizbollah
Hamas|armed group
Revolutionary Guards|military|Islamic Revolutionary Guard Corps;IRGC;Revolutionary Guard;Revolutionary Guard Corps
Pentagon|government
White House|government
Kremlin|government
Congress|government|U.S. Congress;US Congress
Senate|government|U.S. Senate;US Senate
House of Representatives|government
Supreme Court|government
State Department|government|U.S. State Department;US State Department;Department of State
Department of Defense|government|Defense Department;U.S. Department of Defense;US Department of Defense
Department of Justice|government|Justice Department;DOJ
Department of Homeland Security|government|Homeland Security;DHS
FBI|government|Federal Bureau of Investigation
CIA|government|Central Intelligence Agency
NSA|government|National Security Agency
NASA|government|National Aeronautics and Space Administration
Federal Reserve|government|Fed
Supreme National Security Council|government
Reuters|media|Reuters news agency
Agence France-Presse|media|AFP
Associated Press|media|AP
Tasnim|media|Tasnim news agency;Tasnim News Agency
IRNA|media|Islamic Republic News Agency
Fars|media|Fars news agency;Fars News Agency
Mehr News Agency|media|Mehr;Mehr news agency
ISNA|media
Press TV|media
Al Jazeera|media|Al-Jazeera
Al Arabiya|media
BBC|media|British Broadcasting Corporation
CNN|media
Fox News|media
CBS News|media|CBS
NBC News|media|NBC
ABC News|media|ABC
CNBC|media
Bloomberg|media
Xinhua|media|Xinhua news agency
TASS|media
RIA Novosti|media
Interfax|media
The New York Times|media|New York Times
The Washington Post|media|Washington Post
The Wall Street Journal|media|Wall Street Journal
The Guardian|media|Guardian
Twitter|company
Facebook|company
Google|company
Apple|company
Microsoft|company
Amazon|company
Boeing|company
Airbus|company
Tesla|company
Toyota|company
Volkswagen|company
General Motors|company|GM
Ford|company
Nissan|company
Sony|company
Samsung|company
Netflix|company
Instagram|company
YouTube|company
NFL|sports|National Football League
NBA|sports|National Basketball Association
FIFA|sports
Democratic Party|party|Democrats
Republican Party|party|Republicans;GOP`

// Well-known people, so that a bare surname ("Trump") resolves even when
// the article never gives the full name. Surname aliases are listed only
// where they are unambiguous in the news.
const gazPeople = `Donald Trump|politician|Trump;President Trump
Barack Obama|politician|Obama
Joe Biden|politician|Biden
Hillary Clinton|politician
Mike Pence|politician|Pence
Mike Pompeo|politician|Pompeo
Nancy Pelosi|politician|Pelosi
Xi Jinping|politician|Xi
Vladimir Putin|politician|Putin
Angela Merkel|politician|Merkel
Emmanuel Macron|politician|Macron
Narendra Modi|politician|Modi
Recep Tayyip Erdogan|politician|Erdogan;Tayyip Erdogan
Benjamin Netanyahu|politician|Netanyahu
Hassan Rouhani|politician|Rouhani
Ali Khamenei|religious leader|Khamenei
Kim Jong Un|politician|Kim Jong-un
Justin Trudeau|politician|Trudeau
Shinzo Abe|politician
Jair Bolsonaro|politician|Bolsonaro
Ashraf Ghani|politician
Bashar al-Assad|politician|Assad;Bashar Assad
Mohammed bin Salman|politician|Mohammed bin Salman
Volodymyr Zelensky|politician|Zelensky;Zelenskiy
Pope Francis|religious leader
Theresa May|politician
Boris Johnson|politician
Jeremy Corbyn|politician|Corbyn
Elon Musk|businessman|Musk
Jeff Bezos|businessman|Bezos`

var (
	gazOnce   sync.Once
	gazByKey  map[string]*gazEntry // normalised name/alias -> entry
	demonymOf map[string]*gazEntry // normalised demonym -> country
	gazMaxLen int                  // longest name in words
)

// nameKey normalises a name for matching: folded, lower case, letters and
// digits only, so "U.S." = "US", "al Qaeda" = "al-Qaeda".
func nameKey(s string) string {
	// Fast path for ASCII: one allocation.
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, 0, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				b = append(b, c)
			case c >= 'A' && c <= 'Z':
				b = append(b, c+'a'-'A')
			}
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(s))
	// Typographic variants (curly quotes, dashes) are not letters, so no
	// folding is needed before dropping them.
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func loadGazetteer() {
	gazByKey = map[string]*gazEntry{}
	gazAcronymOnly = map[string]bool{}
	demonymOf = map[string]*gazEntry{}
	add := func(block, typ string) {
		for _, line := range strings.Split(block, "\n") {
			f := strings.Split(line, "|")
			if len(f) < 2 {
				continue
			}
			e := &gazEntry{Name: f[0], Type: typ, Subtype: f[1]}
			if len(f) > 2 && f[2] != "" {
				e.Aliases = strings.Split(f[2], ";")
			}
			if len(f) > 3 && f[3] != "" {
				e.Demonyms = strings.Split(f[3], ";")
			}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				k := nameKey(n)
				if _, dup := gazByKey[k]; !dup {
					gazByKey[k] = e
					if isAcronym(n) && !strings.Contains(n, ".") {
						gazAcronymOnly[k] = true
					}
				} else if !isAcronym(n) {
					delete(gazAcronymOnly, k)
				}
				if w := len(strings.Fields(n)); w > gazMaxLen {
					gazMaxLen = w
				}
			}
			for _, d := range e.Demonyms {
				demonymOf[nameKey(d)] = e
			}
		}
	}
	add(gazCountries, "place")
	add(gazPlaces, "place")
	add(gazOrgs, "organization")
	add(gazPeople, "person")
}

// gazAcronymOnly holds the keys known only as acronyms ("WHO", "IS"):
// they match a name written in capitals, never a word such as "Who" or
// "Is" opening a sentence or question.
var gazAcronymOnly map[string]bool

// lookupName returns the known entity a name denotes, or nil.
func lookupName(name string) *gazEntry {
	gazOnce.Do(loadGazetteer)
	k := nameKey(name)
	if gazAcronymOnly[k] && !isAcronym(name) {
		return nil
	}
	return gazByKey[k]
}

// lookupDemonym returns the country an adjective such as "Iranian" stands for.
func lookupDemonym(word string) *gazEntry {
	gazOnce.Do(loadGazetteer)
	return demonymOf[nameKey(word)]
}
