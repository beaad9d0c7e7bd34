package understand

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

const gazPlaces = `Washington|city|Washington D.C.;Washington, D.C.;Washington DC;D.C.;DC;District of Columbia
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
North America|region
South America|region
Central America|region
Southeast Asia|region
Antarctica|region
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
Alabama|state
Alaska|state
Arizona|state|Ariz.
Arkansas|state
California|state|Calif.
Colorado|state|Colo.
Connecticut|state|Conn.
Delaware|state
Florida|state|Fla.
Hawaii|state
Idaho|state
Illinois|state|Ill.
Indiana|state
Iowa|state
Kansas|state
Kentucky|state|Ky.
Louisiana|state
Maine|state
Maryland|state|Md.
Massachusetts|state
Michigan|state|Mich.
Minnesota|state|Minn.
Mississippi|state
Missouri|state
Montana|state
Nebraska|state|Neb.
Nevada|state|Nev.
New Hampshire|state|N.H.
New Jersey|state|N.J.
New Mexico|state|N.M.
North Carolina|state|N.C.
North Dakota|state|N.D.
Ohio|state
Oklahoma|state|Okla.
Oregon|state
Pennsylvania|state
Rhode Island|state|R.I.
South Carolina|state|S.C.
South Dakota|state|S.D.
Tennessee|state|Tenn.
Texas|state
Utah|state
Vermont|state|Vt.
Virginia|state
West Virginia|state|W.Va.
Wisconsin|state|Wis.
Wyoming|state|Wyo.
Spokane|city
Tacoma|city
Boise|city
Anchorage|city
Charlotte|city
Raleigh|city
Richmond|city
Louisville|city
Columbus|city
Jacksonville|city
El Paso|city
Fort Lauderdale|city
Tucson|city
Fresno|city
Long Beach|city
Mesa|city
Omaha|city
Tulsa|city
Wichita|city
Arlington|city
Bakersfield|city
Anaheim|city
Santa Ana|city
Riverside|city
Stockton|city
Lexington|city
St. Paul|city|Saint Paul
Greensboro|city
Lincoln|city
Toledo|city
Durham|city
Madison|city
Des Moines|city
Little Rock|city
Charleston|city
Savannah|city
Knoxville|city
Rochester|city
Syracuse|city
Albany|city
Hartford|city
Providence|city
Winnipeg|city
Calgary|city
Edmonton|city
Quebec City|city
Woking|city
Greenbelt|city`

// gazSpace names celestial bodies: places, not organisations or people
// ("water vapour above Europa").
const gazSpace = `Earth|planet
Venus|planet
Mars|planet
Jupiter|planet
Saturn|planet
Uranus|planet
Neptune|planet
Pluto|dwarf planet
Europa|moon
Enceladus|moon
Ganymede|moon
Callisto|moon
Titan|moon
Phobos|moon
Triton|moon
Milky Way|galaxy
Andromeda|galaxy`
