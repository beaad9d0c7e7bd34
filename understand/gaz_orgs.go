package understand

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
Blue Origin|company
SpaceX|company
Lockheed Martin|company
Northrop Grumman|company
Raytheon|company
General Electric|company|GE
Intel|company
IBM|company
Oracle|company
Cisco|company
Qualcomm|company
Nvidia|company
VMware|company
Dell|company
HP|company|Hewlett-Packard
Uber|company
Lyft|company
Airbnb|company
WeWork|company
Spotify|company
Snapchat|company|Snap
TikTok|company
Reddit|company
LinkedIn|company
WhatsApp|company
Tumblr|company
Alibaba|company|Alibaba Group
Tencent|company
Baidu|company
Huawei|company
ZTE|company
Xiaomi|company
Weibo|company
WeChat|company
SoftBank|company
Honda|company
Hyundai|company
BMW|company
Mercedes-Benz|company|Mercedes
Daimler|company
Audi|company
Porsche|company
Fiat Chrysler|company
Walmart|company
Target Corp|company
Costco|company
Starbucks|company
McDonald's|company
Disney|company|Walt Disney
Nike|company
Pfizer|company
Johnson & Johnson|company
Exxon Mobil|company|ExxonMobil;Exxon
Chevron|company
BP|company
Shell|company|Royal Dutch Shell
Saudi Aramco|company|Aramco
Goldman Sachs|company
JPMorgan Chase|company|JPMorgan;JP Morgan
Morgan Stanley|company
Citigroup|company|Citi
Wells Fargo|company
Bank of America|company
Piper Jaffray|company
Verizon|company
AT&T|company
T-Mobile|company
Sprint|company
Comcast|company
Valve|company
Nintendo|company
Activision Blizzard|company|Activision
Electronic Arts|company|EA
Rockstar Games|company|Rockstar
Ubisoft|company
Emirates|company|Emirates Airline
Lufthansa|company
Ryanair|company
Delta Air Lines|company|Delta
United Airlines|company
American Airlines|company
Southwest Airlines|company
NHL|sports|National Hockey League
MLB|sports|Major League Baseball
MLS|sports|Major League Soccer
NCAA|sports|National Collegiate Athletic Association
UEFA|sports
Premier League|sports
IOC|sports|International Olympic Committee
Democratic Party|party|Democrats;Democrat
Republican Party|party|Republicans;Republican;GOP`
