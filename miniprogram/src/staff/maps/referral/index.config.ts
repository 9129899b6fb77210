export default definePageConfig({ navigationBarTitleText: '移送司法机关' })
