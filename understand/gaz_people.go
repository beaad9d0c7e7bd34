package understand

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
