export default definePageConfig({ navigationBarTitleText: '绿哨' })
