// Oversight (issue 15): the desk's derived fields, the 督办单's clock, reproducible spot-check samples, leader
// receptions.
export * from './desk-fields'
export * from './sampling'
export * from './receptions'
