// Events between pages (Taro.eventCenter), named in one place.

/** The 《举报须知与保密说明》 page: the reader agreed; the report form ticks its consent box. */
export const CONSENT_EVENT = 'gw:consent-agreed'
