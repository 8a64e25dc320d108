/** What a person reads on the pages, in each language: the tests find elements by these names, as a screen reader user would. */
export interface Words {
  /** The language the guardian is to be written to, as the sign-up form's choice. */
  language: 'en' | 'es';
  catalogueHeading: RegExp;
  addToCalendar: RegExp;
  enroll: RegExp;
  signUp: RegExp;
  signUpHeading: RegExp;
  firstName: RegExp;
  lastName: RegExp;
  email: RegExp;
  password: RegExp;
  birthDate: RegExp;
  guardianName: RegExp;
  guardianEmail: RegExp;
  guardianLanguage: RegExp;
  signUpSubmit: RegExp;
  homeHeading: RegExp;
  consentPending: RegExp;
  consentMailSubject: RegExp;
  sponsorsSeeAggregates: RegExp;
  grant: RegExp;
  granted: RegExp;
  enrolled: RegExp;
  waitlistPlace: (n: number) => RegExp;
  withdraw: RegExp;
  confirmWithdraw: RegExp;
  withdrawn: RegExp;
  checkInCode: RegExp;
  checkInSubmit: RegExp;
  checkedIn: RegExp;
  apply: RegExp;
  statement: RegExp;
  shareProfile: RegExp;
  applySubmit: RegExp;
  submitted: RegExp;
  signIn: RegExp;
  signOut: RegExp;
}

export const WORDS: Record<'en' | 'es', Words> = {
  en: {
    language: 'en',
    catalogueHeading: /programs|clubs/i,
    addToCalendar: /add to calendar/i,
    enroll: /^enroll/i,
    signUp: /sign up/i,
    signUpHeading: /sign up/i,
    firstName: /first name/i,
    lastName: /last name/i,
    email: /^e-?mail$/i,
    password: /password/i,
    birthDate: /birth/i,
    guardianName: /guardian.*name/i,
    guardianEmail: /guardian.*e-?mail/i,
    guardianLanguage: /language/i,
    signUpSubmit: /sign up|create/i,
    homeHeading: /my|home/i,
    consentPending: /waiting for.*guardian|consent.*pending/i,
    consentMailSubject: /^Please confirm Ada may join the coding club$/,
    sponsorsSeeAggregates: /sponsor/i,
    grant: /grant|i agree|allow/i,
    granted: /thank|granted/i,
    enrolled: /enrolled|you.re in/i,
    waitlistPlace: (n) => new RegExp(`waitlist.*${n}|place ${n}`, 'i'),
    withdraw: /withdraw/i,
    confirmWithdraw: /withdraw/i,
    withdrawn: /withdrawn/i,
    checkInCode: /code/i,
    checkInSubmit: /check in/i,
    checkedIn: /checked in/i,
    apply: /apply/i,
    statement: /statement|why/i,
    shareProfile: /share/i,
    applySubmit: /apply|send|submit/i,
    submitted: /submitted/i,
    signIn: /sign in/i,
    signOut: /sign out/i,
  },
  es: {
    language: 'es',
    catalogueHeading: /programas|clubes/i,
    addToCalendar: /calendario/i,
    enroll: /inscrib/i,
    signUp: /regístrate|crear cuenta/i,
    signUpHeading: /regístrate|crear cuenta/i,
    firstName: /nombre/i,
    lastName: /apellido/i,
    email: /^correo/i,
    password: /contraseña/i,
    birthDate: /nacimiento/i,
    guardianName: /nombre.*(tutor|padre)/i,
    guardianEmail: /correo.*(tutor|padre)/i,
    guardianLanguage: /idioma/i,
    signUpSubmit: /regist|crear/i,
    homeHeading: /mi|inicio/i,
    consentPending: /esperando|pendiente/i,
    consentMailSubject: /^Confirme, por favor, que Ada puede unirse al club de programación$/,
    sponsorsSeeAggregates: /patrocinador/i,
    grant: /autorizo|acepto|permitir|dar/i,
    granted: /gracias|otorgado|concedido/i,
    enrolled: /inscrit/i,
    waitlistPlace: (n) => new RegExp(`espera.*${n}|puesto ${n}|lugar ${n}`, 'i'),
    withdraw: /retirar|darme de baja/i,
    confirmWithdraw: /retirar|darme de baja/i,
    withdrawn: /retirad|baja/i,
    checkInCode: /código/i,
    checkInSubmit: /registrar|marcar|llegada/i,
    checkedIn: /registrad|llegada/i,
    apply: /solicitar|postular/i,
    statement: /declaración|por qué|mensaje/i,
    shareProfile: /compartir/i,
    applySubmit: /solicitar|enviar/i,
    submitted: /enviada/i,
    signIn: /iniciar sesión/i,
    signOut: /cerrar sesión/i,
  },
};
