// Photos attached to reports.
export { uploadImage as uploadPhoto } from '../platform/cloud'
