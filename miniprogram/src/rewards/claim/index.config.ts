export default definePageConfig({ navigationBarTitleText: '申领举报奖励' })
