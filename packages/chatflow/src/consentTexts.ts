/** W10: the default consent texts of a new chatflow (and "Restore default text"), in every chatflow language. */
import type { ChatflowLanguage } from '@parley/protocol';

export interface ConsentTexts {
  cookie: string;
  dataProcessing: string;
  communications: string;
}

const DEFAULT_CONSENT_TEXTS: Record<ChatflowLanguage, ConsentTexts> = {
  en: {
    cookie: 'This chat stores an identifier in your browser so your conversation continues when you come back.',
    dataProcessing: 'We process the details you give in this chat to answer you and keep a record of the conversation.',
    communications: 'Send me news and offers by email.',
  },
  fi: {
    cookie: 'Tämä chat tallentaa selaimeesi tunnisteen, jotta keskustelusi jatkuu, kun palaat.',
    dataProcessing: 'Käsittelemme tässä chatissa antamiasi tietoja vastataksemme sinulle ja säilyttääksemme keskustelun.',
    communications: 'Lähettäkää minulle uutisia ja tarjouksia sähköpostitse.',
  },
  sv: {
    cookie: 'Den här chatten sparar en identifierare i din webbläsare så att samtalet fortsätter när du kommer tillbaka.',
    dataProcessing: 'Vi behandlar uppgifterna du lämnar i chatten för att svara dig och spara samtalet.',
    communications: 'Skicka mig nyheter och erbjudanden via e-post.',
  },
  it: {
    cookie: 'Questa chat salva un identificativo nel tuo browser per riprendere la conversazione quando torni.',
    dataProcessing: 'Trattiamo i dati che fornisci in questa chat per risponderti e conservare la conversazione.',
    communications: 'Inviatemi novità e offerte via email.',
  },
  pl: {
    cookie: 'Ten czat zapisuje identyfikator w Twojej przeglądarce, aby rozmowa była kontynuowana po powrocie.',
    dataProcessing: 'Przetwarzamy dane podane na tym czacie, aby Ci odpowiedzieć i zachować zapis rozmowy.',
    communications: 'Wysyłajcie mi nowości i oferty e-mailem.',
  },
  de: {
    cookie: 'Dieser Chat speichert eine Kennung in Ihrem Browser, damit Ihr Gespräch weitergeht, wenn Sie zurückkommen.',
    dataProcessing: 'Wir verarbeiten die Angaben aus diesem Chat, um Ihnen zu antworten und das Gespräch zu dokumentieren.',
    communications: 'Senden Sie mir Neuigkeiten und Angebote per E-Mail.',
  },
  fr: {
    cookie: 'Ce chat enregistre un identifiant dans votre navigateur pour que la conversation reprenne à votre retour.',
    dataProcessing: 'Nous traitons les informations données dans ce chat pour vous répondre et conserver la conversation.',
    communications: 'Envoyez-moi des nouveautés et des offres par e-mail.',
  },
  es: {
    cookie: 'Este chat guarda un identificador en tu navegador para que la conversación continúe cuando vuelvas.',
    dataProcessing: 'Tratamos los datos que nos das en este chat para responderte y conservar la conversación.',
    communications: 'Enviadme novedades y ofertas por correo electrónico.',
  },
};

export function defaultConsentTexts(language: ChatflowLanguage): ConsentTexts {
  return DEFAULT_CONSENT_TEXTS[language];
}
